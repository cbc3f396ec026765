using NodaTime;
using Npgsql;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.ServiceDefaults;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>
/// CountCitizens reads day counts the database keeps as citizens are written; each citizen's own
/// status (ListCitizens, <c>Citizen.StatusOn</c>) is the oracle.
/// </summary>
[Collection(CohortServiceCollection.Name)]
public sealed class CitizenCountsTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    private CohortService.CohortServiceClient Cohort => cohort.Client;

    [Theory]
    [InlineData(20261207)]
    [InlineData(7)]
    public async Task The_kept_counts_agree_with_every_citizens_own_status_on_every_day(int seed)
    {
        var random = new Random(seed);
        var partnership = (await Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("counts")),
            deadline: SuiteClients.Deadline())).Partnership;
        var window = new LocalDate(2023, 3, 1);
        CitizenRow Row(int n, int dayInWindow) => new()
        {
            Cpr = TestCitizens.Cpr(9000 + n),
            HandoverDate = window.PlusDays(dayInWindow).ToProto(),
            BenefitType = BenefitType.SicknessBenefit,
            WeeksSickListed = 30,
            CaseReference = $"CNT-{seed}-{n}",
        };
        var rows = Enumerable.Range(0, 80).Select(n => Row(n, random.Next(0, 122))).ToList();
        var imported = await Cohort.ImportAsync(partnership.PartnershipId, "night-1", rows);
        imported.Accepted.ShouldBe(80);
        var citizenIds = imported.Results.Select(r => r.CitizenId).ToList();

        foreach (var n in Enumerable.Range(80, 5))
        {
            var single = Row(n, random.Next(0, 122));
            citizenIds.Add((await Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
            {
                PartnershipId = partnership.PartnershipId, Cpr = single.Cpr, HandoverDate = single.HandoverDate,
                BenefitType = single.BenefitType, WeeksSickListed = single.WeeksSickListed, CaseReference = single.CaseReference,
            }, deadline: SuiteClients.Deadline())).Citizen.CitizenId);
        }

        ExitReason[] reasons = [ExitReason.MovedAway, ExitReason.Deceased, ExitReason.Withdrew, ExitReason.WronglyEnrolled];
        foreach (var id in citizenIds.OrderBy(_ => random.Next()).Take(30))
        {
            var citizen = (await Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnership.PartnershipId, CitizenId = id },
                deadline: SuiteClients.Deadline())).Citizen;
            var start = Local(citizen.HandoverDate);
            var days = Period.Between(start, Local(citizen.FollowUpEnd), PeriodUnits.Days).Days;
            await Cohort.RecordExitAsync(new RecordExitRequest
            {
                PartnershipId = partnership.PartnershipId,
                CitizenId = id,
                ExitDate = start.PlusDays(random.Next(0, days)).ToProto(),
                Reason = reasons[random.Next(reasons.Length)],
            }, deadline: SuiteClients.Deadline());
        }
        // A change of the follow-up's end and a removal written straight to the table: the
        // database keeps the counts whoever writes the citizens.
        await ExecuteAsync("""
            UPDATE citizens SET follow_up_end = follow_up_end + 40
            WHERE partnership_id = @p AND citizen_id IN (SELECT citizen_id FROM citizens WHERE partnership_id = @p ORDER BY citizen_id LIMIT 12)
            """, partnership.PartnershipId);
        await ExecuteAsync("""
            DELETE FROM citizens
            WHERE partnership_id = @p AND citizen_id IN (SELECT citizen_id FROM citizens WHERE partnership_id = @p ORDER BY case_reference LIMIT 4)
            """, partnership.PartnershipId);

        var all = await ListAsync(partnership.PartnershipId, ThinSlice.Day(2023, 1, 1));
        all.Count.ShouldBe(81);
        var telling = all.SelectMany(c => new LocalDate?[] { Local(c.FollowUpEnd), c.ExitDate is null ? null : Local(c.ExitDate) })
            .OfType<LocalDate>()
            .SelectMany(d => new[] { d.PlusDays(-1), d })
            .OrderBy(_ => random.Next()).Take(25)
            .Concat(Enumerable.Range(0, 10).Select(_ => new LocalDate(2023, 2, 1).PlusDays(random.Next(0, 1000))))
            .Distinct();
        foreach (var day in telling)
        {
            var citizens = await ListAsync(partnership.PartnershipId, day.ToProto());
            var expected = citizens.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
            var counts = await Cohort.CountCitizensAsync(new CountCitizensRequest { PartnershipId = partnership.PartnershipId, AsOf = day.ToProto() },
                deadline: SuiteClients.Deadline());

            counts.Total.ShouldBe(citizens.Count, $"as of {day}");
            foreach (var count in counts.Counts)
            {
                count.Citizens.ShouldBe(expected.GetValueOrDefault(count.Status), $"{count.Status} as of {day}");
            }
        }
    }

    private async Task<List<Citizen>> ListAsync(string partnershipId, Google.Type.Date asOf)
    {
        var page = await Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnershipId, PageSize = 1000, AsOf = asOf },
            deadline: SuiteClients.Deadline());
        page.NextPageToken.ShouldBeEmpty();
        return [.. page.Citizens];
    }

    private async Task ExecuteAsync(string sql, string partnershipId)
    {
        await using var connection = await cohort.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", Guid.Parse(partnershipId));
        (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
    }

    private static LocalDate Local(Google.Type.Date date) => new(date.Year, date.Month, date.Day);
}
