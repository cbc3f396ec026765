using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using MilestoneDefinition = Partnerskab.Outcome.Milestones.MilestoneDefinition;
using MilestoneRuleKind = Partnerskab.Outcome.Milestones.MilestoneRuleKind;

namespace Partnerskab.Outcome;

public sealed partial class OutcomeGrpcService
{
    public override async Task<SetMilestoneDefinitionsResponse> SetMilestoneDefinitions(SetMilestoneDefinitionsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.Check(request.Definitions.Count is >= 1 and <= 100, "definitions", "must hold between 1 and 100 definitions");
        var definitions = new List<MilestoneDefinition>();
        for (var i = 0; i < request.Definitions.Count; i++)
        {
            var d = request.Definitions[i];
            var field = $"definitions[{i}]";
            var code = d.Code.Trim();
            v.Check(MilestoneCode().IsMatch(code), $"{field}.code", "must be 1-50 characters of A-Z, 0-9 and _");
            v.Check(definitions.All(other => other.Code != code), $"{field}.code", $"'{code}' is defined twice");
            var description = v.OptionalText(d.Description, $"{field}.description");
            v.Enum(d.RuleKind, $"{field}.rule_kind");
            var ruleKind = (MilestoneRuleKind)(int)d.RuleKind;
            if (ruleKind == MilestoneRuleKind.FirstVerifiedOutcome) v.Enum(d.OutcomeKind, $"{field}.outcome_kind");
            var countsWeeks = ruleKind is MilestoneRuleKind.ConsecutiveSelfSufficientWeeks or MilestoneRuleKind.CumulativeSelfSufficientWeeks;
            if (countsWeeks) v.Check(d.Weeks is >= 1 and <= 104, $"{field}.weeks", "must be between 1 and 104 for a rule counting weeks");
            if (ruleKind == MilestoneRuleKind.SelfSufficientAtMonth) v.Check(d.Months is >= 1 and <= 120, $"{field}.months", "must be between 1 and 120 for a status at a month");
            definitions.Add(new MilestoneDefinition
            {
                PartnershipId = partnershipId,
                Code = code,
                Description = description,
                RuleKind = ruleKind,
                OutcomeKind = ruleKind == MilestoneRuleKind.FirstVerifiedOutcome ? (Claims.OutcomeKind)(int)d.OutcomeKind : null,
                Weeks = countsWeeks ? d.Weeks : null,
                Months = ruleKind == MilestoneRuleKind.SelfSufficientAtMonth ? d.Months : null,
            });
        }
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var citizenIds = await db.FollowUpCitizens.Where(c => c.PartnershipId == partnershipId).Select(c => c.CitizenId).ToListAsync(cancellationToken);
        AuditCall.Citizens(partnershipId, citizenIds);
        await recalculation.LockCitizensAsync(partnershipId, citizenIds, cancellationToken);
        await db.MilestoneDefinitions.Where(d => d.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        db.MilestoneDefinitions.AddRange(definitions);
        // The new rules apply to the facts already known, so every citizen is recomputed now.
        await recalculation.RecalculateAsync(partnershipId, citizenIds, "the partnership's milestone definitions were replaced", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var response = new SetMilestoneDefinitionsResponse();
        response.Definitions.AddRange(definitions.Select(ToProto));
        return response;
    }

    public override async Task<GetMilestoneDefinitionsResponse> GetMilestoneDefinitions(GetMilestoneDefinitionsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var definitions = await db.MilestoneDefinitions.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId)
            .OrderBy(d => d.Code)
            .ToListAsync(context.CancellationToken);
        var response = new GetMilestoneDefinitionsResponse();
        response.Definitions.AddRange(definitions.Select(ToProto));
        return response;
    }

    public override async Task<ListMilestonesResponse> ListMilestones(ListMilestonesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        if (request.CitizenId.Length > 0) ValidCitizenId(v, request.CitizenId);
        v.ThrowIfInvalid();

        var query = db.Milestones.AsNoTracking().Where(m => m.PartnershipId == partnershipId);
        if (request.CitizenId.Length > 0) query = query.Where(m => m.CitizenId == request.CitizenId);
        var milestones = await query.OrderBy(m => m.AchievedOn).ThenBy(m => m.Id).ToListAsync(context.CancellationToken);
        AuditCall.Citizens(partnershipId, milestones.Select(m => m.CitizenId));
        var response = new ListMilestonesResponse();
        response.Milestones.AddRange(milestones.Select(ToProto));
        return response;
    }

    private static Protos.Outcome.V1.MilestoneDefinition ToProto(MilestoneDefinition d) => new()
    {
        Code = d.Code,
        Description = d.Description,
        RuleKind = (Protos.Outcome.V1.MilestoneRuleKind)(int)d.RuleKind,
        OutcomeKind = d.OutcomeKind is { } kind ? (Protos.Outcome.V1.OutcomeKind)(int)kind : Protos.Outcome.V1.OutcomeKind.Unspecified,
        Weeks = d.Weeks ?? 0,
        Months = d.Months ?? 0,
    };

    [GeneratedRegex("^[A-Z0-9_]{1,50}$")]
    private static partial Regex MilestoneCode();
}
