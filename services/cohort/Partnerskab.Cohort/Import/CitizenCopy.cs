using NpgsqlTypes;
using Partnerskab.Cohort.Persistence;
using Partnerskab.ServiceDefaults.Persistence;
using Citizen = Partnerskab.Cohort.Handover.Citizen;

namespace Partnerskab.Cohort.Import;

/// <summary>Writes newly handed-over citizens by binary COPY; the caller holds the partnership's lock.</summary>
public static class CitizenCopy
{
    public static Task InsertAsync(CohortDbContext db, IReadOnlyCollection<Citizen> citizens, CancellationToken cancellationToken) =>
        BinaryCopy.InsertAsync(db, "citizens",
            "partnership_id, citizen_id, handover_date, follow_up_end, benefit_type, weeks_sick_listed, case_reference, handed_over_at", citizens,
            async (writer, citizen, ct) =>
            {
                await writer.WriteAsync(citizen.PartnershipId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(citizen.CitizenId, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(citizen.HandoverDate.ToDateOnly(), NpgsqlDbType.Date, ct);
                await writer.WriteAsync(citizen.FollowUpEnd.ToDateOnly(), NpgsqlDbType.Date, ct);
                await writer.WriteAsync((int)citizen.BenefitType, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(citizen.WeeksSickListed, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(citizen.CaseReference, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(citizen.HandedOverAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct);
            }, cancellationToken);
}
