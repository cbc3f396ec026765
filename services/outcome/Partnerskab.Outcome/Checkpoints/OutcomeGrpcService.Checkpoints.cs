using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;
using Contact = Partnerskab.Outcome.Checkpoints.Contact;
using ContactChannel = Partnerskab.Outcome.Checkpoints.ContactChannel;
using FollowUpPlan = Partnerskab.Outcome.Checkpoints.FollowUpPlan;
using WorklistItemKind = Partnerskab.Outcome.Checkpoints.WorklistItemKind;

namespace Partnerskab.Outcome;

public sealed partial class OutcomeGrpcService
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    /// <summary>"Today" for follow-up and reports is the kommune's calendar day.</summary>

    private LocalDate Today => clock.Today();

    public override async Task<SetFollowUpPlanResponse> SetFollowUpPlan(SetFollowUpPlanRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var plan = request.Plan;
        if (plan is null)
        {
            v.Add("plan", "is required");
        }
        else
        {
            v.Check(plan.ContactIntervalWeeks is >= 1 and <= 26, "plan.contact_interval_weeks", "must be between 1 and 26 weeks");
            v.Check(plan.StatusCheckpointMonths.Count <= 20, "plan.status_checkpoint_months", "must hold at most 20 months");
            v.Check(plan.StatusCheckpointMonths.All(m => m is >= 1 and <= 120), "plan.status_checkpoint_months", "every month must be between 1 and 120");
            v.Check(plan.StatusCheckpointMonths.Zip(plan.StatusCheckpointMonths.Skip(1)).All(p => p.First < p.Second),
                "plan.status_checkpoint_months", "must be ascending without repeats");
            v.Check(plan.NoContactDays is >= 1 and <= 365, "plan.no_contact_days", "must be between 1 and 365 days");
        }
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var stored = await db.FollowUpPlans.FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        if (stored is null)
        {
            stored = new FollowUpPlan { PartnershipId = partnershipId };
            db.FollowUpPlans.Add(stored);
        }
        stored.ContactIntervalWeeks = plan!.ContactIntervalWeeks;
        stored.StatusCheckpointMonths = [.. plan.StatusCheckpointMonths];
        stored.NoContactDays = plan.NoContactDays;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw DomainException.FailedPrecondition("The follow-up plan was set by another call at the same time; read it and try again.");
        }
        return new SetFollowUpPlanResponse { Plan = ToProto(stored) };
    }

    public override async Task<GetFollowUpPlanResponse> GetFollowUpPlan(GetFollowUpPlanRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var plan = await StoredPlanAsync(partnershipId, cancellationToken);
        if (plan is null)
        {
            await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
            throw DomainException.NotFound($"Partnership {partnershipId} has no follow-up plan yet; the kommune sets one with SetFollowUpPlan.");
        }
        return new GetFollowUpPlanResponse { Plan = ToProto(plan) };
    }

    public override async Task<RecordContactResponse> RecordContact(RecordContactRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = ValidCitizenId(v, request.CitizenId);
        var reference = v.Text(request.ContactReference, "contact_reference", 100);
        var violationsBefore = v.Violations.Count;
        var contactDate = v.Date(request.ContactDate, "contact_date");
        if (v.Violations.Count == violationsBefore) v.Check(contactDate <= Today, "contact_date", "must not be in the future");
        var channel = (ContactChannel)(int)v.Enum(request.Channel, "channel");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        AuditCall.Citizen(partnershipId, citizenId);
        var citizen = await db.FollowUpCitizens.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken);
        if (citizen is null)
        {
            var answer = await cohort.FollowUpStatusAsync(partnershipId, citizenId, contactDate, cancellationToken)
                ?? throw DomainException.NotFound($"Citizen {citizenId} is not in follow-up in partnership {partnershipId}.");
            // The cohort's answer knows an exit the exit event has not brought here yet; the window alone does not.
            v.Check(answer.InFollowUp, "contact_date",
                $"the contact date {contactDate:uuuu-MM-dd} is outside the citizen's follow-up {answer.Start:uuuu-MM-dd} to {answer.End:uuuu-MM-dd} (end exclusive) or on or after an exit");
            v.ThrowIfInvalid();
            await OpenFollowUpFromCohortAsync(partnershipId, citizenId, answer, cancellationToken);
        }
        else if (!citizen.InFollowUp(contactDate))
        {
            v.Add("contact_date", citizen.OutsideFollowUpReason($"the contact date {contactDate:uuuu-MM-dd}"));
            v.ThrowIfInvalid();
        }
        var contact = new Contact
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            CitizenId = citizenId,
            Reference = reference,
            ContactDate = contactDate,
            Channel = channel,
            RecordedAt = clock.GetCurrentInstant(),
        };
        db.Contacts.Add(contact);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new RecordContactResponse { Contact = ToProto(contact), Created = true };
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var existing = await db.Contacts.AsNoTracking()
                .FirstAsync(c => c.PartnershipId == partnershipId && c.Reference == reference, cancellationToken);
            return existing.SameAs(contact)
                ? new RecordContactResponse { Contact = ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists($"Contact reference '{reference}' is already used for another contact ({existing.Id}).");
        }
    }

    /// <summary>
    /// Opens a citizen's follow-up whose handover event has not arrived, in its own transaction
    /// under the citizen's lock (the handover consumer takes it too), so the contact recorded
    /// next belongs to a citizen the worklist knows.
    /// </summary>
    private async Task OpenFollowUpFromCohortAsync(Guid partnershipId, string citizenId, CohortLookup.FollowUpAnswer answer, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await recalculation.LockCitizensAsync(partnershipId, [citizenId], cancellationToken);
        await OpenFollowUpIfUnknownAsync(partnershipId, citizenId, answer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<GetFollowUpScheduleResponse> GetFollowUpSchedule(GetFollowUpScheduleRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = ValidCitizenId(v, request.CitizenId);
        var asOf = request.AsOf is null ? Today : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        AuditCall.Citizen(partnershipId, citizenId);
        var citizen = await db.FollowUpCitizens.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken);
        if (citizen is null || citizen.WasWronglyEnrolled)
        {
            throw DomainException.NotFound($"Citizen {citizenId} is not in follow-up in partnership {partnershipId}.");
        }
        if (asOf < citizen.FollowUpStart)
        {
            throw DomainException.FailedPrecondition($"The citizen's follow-up starts on {citizen.FollowUpStart:uuuu-MM-dd}, after {asOf:uuuu-MM-dd}.");
        }
        var plan = await PlanAsync(partnershipId, cancellationToken);
        var follow = await FollowUpFactsAsync(partnershipId, [citizen], cancellationToken);
        var schedule = follow.ScheduleOf(citizen, plan, asOf);

        var response = new GetFollowUpScheduleResponse
        {
            CitizenId = citizenId,
            FollowUpStart = citizen.FollowUpStart.ToProto(),
            FollowUpEnd = citizen.FollowUpEnd.ToProto(),
            LastContactOn = schedule.LastContactOn?.ToProto(),
            Plan = ToProto(plan),
        };
        if (schedule.CloseOut is { } closeOut)
        {
            response.CloseOut = new CloseOut
            {
                ClosedOutOn = closeOut.ClosedOutOn.ToProto(),
                Reason = (Protos.Outcome.V1.CloseOutReason)(int)closeOut.Reason,
                FinalStatus = ToProto(closeOut.FinalStatus),
                FinalSelfSufficient = closeOut.FinalSelfSufficient,
            };
        }
        response.Checkpoints.AddRange(schedule.Checkpoints.Select(c => new Checkpoint
        {
            Kind = (Protos.Outcome.V1.CheckpointKind)(int)c.Kind,
            PeriodStart = c.PeriodStart.ToProto(),
            DueOn = c.DueOn.ToProto(),
            Months = c.Months,
            State = (Protos.Outcome.V1.CheckpointState)(int)c.State,
        }));
        return response;
    }

    public override async Task<GetWorklistResponse> GetWorklist(GetWorklistRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? Today : v.Date(request.AsOf, "as_of");
        v.Check(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize} (0 means {DefaultPageSize})");
        var after = request.PageToken.Length > 0 ? ParseWorklistToken(v, request.PageToken) : null;
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var plan = await PlanAsync(partnershipId, cancellationToken);
        var citizens = await db.FollowUpCitizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.FollowUpStart <= asOf && c.ExitReason != FollowUpCitizen.WronglyEnrolled)
            .ToListAsync(cancellationToken);
        var follow = await FollowUpFactsAsync(partnershipId, citizens, cancellationToken);
        var schedules = citizens.Select(c => (c.CitizenId, Schedule: follow.ScheduleOf(c, plan, asOf))).ToList();
        var (page, next) = Worklist.Page(schedules.SelectMany(s => Worklist.Items(s.CitizenId, s.Schedule, plan.NoContactDays)),
            after, request.PageSize == 0 ? DefaultPageSize : request.PageSize);
        AuditCall.Citizens(partnershipId, page.Select(i => i.CitizenId));

        var response = new GetWorklistResponse
        {
            CitizensInFollowUp = schedules.Count(s => s.Schedule.InFollowUp),
            CitizensClosedOut = schedules.Count(s => !s.Schedule.InFollowUp),
            NextPageToken = next is null ? "" : WorklistToken(next),
            Plan = ToProto(plan),
        };
        response.Items.AddRange(page.Select(i => new WorklistItem
        {
            Kind = (Protos.Outcome.V1.WorklistItemKind)(int)i.Kind,
            CitizenId = i.CitizenId,
            DueOn = i.DueOn.ToProto(),
            Months = i.Months,
            LastContactOn = i.LastContactOn?.ToProto(),
            DaysWithoutContact = i.DaysWithoutContact,
        }));
        return response;
    }

    /// <summary>The contacts of some citizens of a partnership, loaded at once.</summary>
    private sealed class FollowUpFacts(ILookup<string, LocalDate> contacts)
    {
        public FollowUpSchedule.Schedule ScheduleOf(FollowUpCitizen citizen, FollowUpPlan plan, LocalDate asOf) =>
            FollowUpSchedule.Build(plan, WindowOf(citizen), asOf, contacts[citizen.CitizenId], citizen.Weeks);
    }

    private static FollowUpSchedule.Window WindowOf(FollowUpCitizen c) => new(c.FollowUpStart, c.FollowUpEnd, c.ExitDate);

    private async Task<FollowUpFacts> FollowUpFactsAsync(Guid partnershipId, IReadOnlyCollection<FollowUpCitizen> citizens, CancellationToken cancellationToken)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.PartnershipId == partnershipId);
        if (citizens.Count == 1)
        {
            var only = citizens.First().CitizenId;
            contacts = contacts.Where(c => c.CitizenId == only);
        }
        var contactDates = await contacts.Select(c => new { c.CitizenId, c.ContactDate }).ToListAsync(cancellationToken);
        return new FollowUpFacts(contactDates.ToLookup(c => c.CitizenId, c => c.ContactDate));
    }

    private async Task<FollowUpPlan> PlanAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await StoredPlanAsync(partnershipId, cancellationToken)
        ?? throw DomainException.FailedPrecondition($"Partnership {partnershipId} has no follow-up plan; the kommune sets one with SetFollowUpPlan.");

    private Task<FollowUpPlan?> StoredPlanAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        db.FollowUpPlans.AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);

    // A page token is the sort key of the page's last item: "due day|pseudonym|kind|months", base64url.
    private static string WorklistToken(Worklist.Key key) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{key.DueOn:uuuu-MM-dd}|{key.CitizenId}|{(int)key.Kind}|{key.Months}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Worklist.Key? ParseWorklistToken(RequestValidator v, string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length == 4 && LocalDatePattern.Iso.Parse(parts[0]) is { Success: true } date && parts[1].Length == 32
                && int.TryParse(parts[2], out var kind) && Enum.IsDefined((WorklistItemKind)kind) && int.TryParse(parts[3], out var months))
            {
                return new Worklist.Key(date.Value, parts[1], (WorklistItemKind)kind, months);
            }
        }
        catch (FormatException)
        {
            // Falls through to the violation below.
        }
        v.Add("page_token", "is not a token this service gave out");
        return null;
    }

    private static WeeklyStatus ToProto(WeeklyStatusKind? status) => status is { } s ? (WeeklyStatus)(int)s : WeeklyStatus.Unspecified;

    private static Protos.Outcome.V1.FollowUpPlan ToProto(FollowUpPlan p) => new()
    {
        ContactIntervalWeeks = p.ContactIntervalWeeks,
        StatusCheckpointMonths = { p.StatusCheckpointMonths },
        NoContactDays = p.NoContactDays,
    };

    private static Protos.Outcome.V1.Contact ToProto(Contact c) => new()
    {
        ContactId = c.Id.ToString(),
        PartnershipId = c.PartnershipId.ToString(),
        CitizenId = c.CitizenId,
        ContactReference = c.Reference,
        ContactDate = c.ContactDate.ToProto(),
        Channel = (Protos.Outcome.V1.ContactChannel)(int)c.Channel,
    };
}
