using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Milestones;

/// <summary>The kommune replaces a partnership's milestone definitions; every citizen is recomputed under the new rules.</summary>
public sealed class SetMilestoneDefinitionsHandler(OutcomeDbContext db, CohortLookup cohort, MilestoneRecalculation recalculation, IClock clock)
{
    public async Task<SetMilestoneDefinitionsResponse> HandleAsync(SetMilestoneDefinitionsRequest request, ServerCallContext context)
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
            v.Check(Codes.IsValid(code), $"{field}.code", $"must be {Codes.Rule}");
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
        await recalculation.RecalculateAsync(partnershipId, citizenIds,
            FactChange.Definitions(clock.GetCurrentInstant(), FactChange.ReporterOf(context.Caller()), "the partnership's milestone definitions were replaced"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var response = new SetMilestoneDefinitionsResponse();
        response.Definitions.AddRange(definitions.Select(MilestoneProtos.ToProto));
        return response;
    }
}
