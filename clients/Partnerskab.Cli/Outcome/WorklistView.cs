using System.Globalization;
using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Outcome.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Outcome;

/// <summary>`partnerskab outcome worklist`: every overdue checkpoint and citizen left without contact as of a day, as one table.</summary>
public sealed class WorklistView(OutcomeService.OutcomeServiceClient client, TextWriter output, OutputFormat format = OutputFormat.Text)
{
    private static readonly TextTable.Column[] Columns =
    [
        new("due on"), new("kind"), new("citizen"), new("months", RightAligned: true), new("last contact"),
        new("days without contact", RightAligned: true),
    ];

    /// <param name="asOf">Unset: today.</param>
    /// <param name="knownOn">As the suite knew the facts at the end of this day; unset: as known now.</param>
    /// <returns>Every page, first to last.</returns>
    public async Task<IReadOnlyList<GetWorklistResponse>> ShowAsync(string partnershipId, Date? asOf, CancellationToken cancellationToken = default, Date? knownOn = null)
    {
        var request = new GetWorklistRequest { PartnershipId = partnershipId, AsOf = asOf, KnownOn = knownOn, PageSize = 1000 };
        var pages = new List<GetWorklistResponse>();
        do
        {
            var page = await client.GetWorklistAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
            pages.Add(page);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        var all = pages[0].Clone();
        all.Items.AddRange(pages.Skip(1).SelectMany(p => p.Items));
        all.NextPageToken = "";
        ReadOutput.Write(output, format, all, () => Report(partnershipId, pages));
        return pages;
    }

    public static string Report(string partnershipId, IReadOnlyList<GetWorklistResponse> pages)
    {
        var first = pages[0];
        return $"  Worklist of partnership {partnershipId}: {first.CitizensInFollowUp} citizens in follow-up, {first.CitizensClosedOut} closed out\n"
            + $"  plan: {SettingsView.Plan(first.Plan)}\n\n"
            + Table(pages.SelectMany(p => p.Items));
    }

    public static string Table(IEnumerable<WorklistItem> items) => TextTable.Format(Columns, items.Select(i => (IReadOnlyList<string>)
    [
        FinanceDates.Text(i.DueOn), StatusCsv.Name(i.Kind), i.CitizenId, i.Months == 0 ? "" : i.Months.ToString(CultureInfo.InvariantCulture),
        FinanceDates.Text(i.LastContactOn), i.DaysWithoutContact.ToString(CultureInfo.InvariantCulture),
    ]));
}
