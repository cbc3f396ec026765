using NodaTime;
using Partnerskab.Cohort.Handover;

namespace Partnerskab.Cohort.Queries;

/// <summary>Citizens by status on a day, as a query the database runs.</summary>
public static class CitizenStatusQuery
{
    /// <summary>The same statuses as <see cref="Citizen.StatusOn"/>, as a query the database runs.</summary>
    public static IQueryable<Citizen> WithStatus(IQueryable<Citizen> citizens, CitizenStatus status, LocalDate asOf) => status switch
    {
        CitizenStatus.Exited => citizens.Where(c => c.ExitDate != null && c.ExitDate <= asOf),
        CitizenStatus.Completed => citizens.Where(c => (c.ExitDate == null || c.ExitDate > asOf) && c.FollowUpEnd <= asOf),
        CitizenStatus.InFollowUp => citizens.Where(c => (c.ExitDate == null || c.ExitDate > asOf) && c.FollowUpEnd > asOf),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
