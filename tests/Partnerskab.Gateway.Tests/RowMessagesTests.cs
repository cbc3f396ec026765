using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Partnerskab.Gateway.Dates;
using Partnerskab.Gateway.Jobs;
using Partnerskab.Gateway.Problems;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>A row's JSON as its message: whichever way a row is read, it is read as the protobuf JSON parser reads it.</summary>
public sealed class RowMessagesTests
{
    private static readonly JsonParser ProtobufJson = new(JsonParser.Settings.Default);

    public static TheoryData<string> CitizenRows() =>
    [
        """{"cpr":"0101901234","handoverDate":"2024-03-01","benefitType":"BENEFIT_TYPE_SICKNESS_BENEFIT","weeksSickListed":"12","caseReference":"case-1"}""",
        """{"cpr":"0101901234","handover_date":"2024-03-01","benefit_type":"BENEFIT_TYPE_SICKNESS_BENEFIT","weeks_sick_listed":12}""",
        """{"cpr":"0101901234","handoverDate":{"year":2024,"month":3,"day":1}}""",
        """{"weeksSickListed":"-3"}""",
        """{"weeksSickListed":"0"}""",
        """{"weeksSickListed":"-0"}""",
        """{"weeksSickListed":"007"}""",
        """{"weeksSickListed":"+5"}""",
        """{"weeksSickListed":" 12"}""",
        """{"weeksSickListed":"12.0"}""",
        """{"weeksSickListed":"1e2"}""",
        """{"weeksSickListed":"2147483648"}""",
        """{"weeksSickListed":"-2147483648"}""",
        """{"weeksSickListed":12.5}""",
        """{"weeksSickListed":"twelve"}""",
        """{"weeksSickListed":""}""",
        """{"benefitType":"SICKNESS"}""",
        """{"benefitType":1}""",
        """{"handoverDate":"2024-3-01"}""",
        """{"handoverDate":"2024-02-30"}""",
        """{"cpr":1234}""",
        """{"cpr":null}""",
        """{"shoeSize":"44"}""",
    ];

    [Theory]
    [MemberData(nameof(CitizenRows))]
    public void A_citizen_row_is_read_as_the_protobuf_json_parser_reads_it(string json) =>
        ShouldReadAsProtobufJson(json, CitizenRow.Descriptor);

    [Theory]
    [InlineData("""{"citizenId":"c-1","isoWeekYear":"2024","isoWeek":"9","status":"WEEKLY_STATUS_SICKNESS_BENEFIT","paidHoursHundredths":1550}""")]
    [InlineData("""{"citizenId":"c-1","isoWeekYear":2024,"isoWeek":53,"status":"EMPLOYED"}""")]
    public void A_weekly_status_row_is_read_as_the_protobuf_json_parser_reads_it(string json) =>
        ShouldReadAsProtobufJson(json, WeeklyStatusRow.Descriptor);

    private static void ShouldReadAsProtobufJson(string json, MessageDescriptor descriptor)
    {
        var (message, violations) = RowMessages.Parse((JsonObject)JsonNode.Parse(json)!, descriptor);

        var expected = ProtobufJsonOf(json, descriptor);
        if (expected is null)
        {
            message.ShouldBeNull();
            violations.ShouldNotBeEmpty();
        }
        else
        {
            violations.ShouldBeEmpty();
            message.ShouldBe(expected);
        }
    }

    /// <summary>The message the protobuf JSON parser reads, dates given as the REST API gives them; null where it cannot.</summary>
    private static IMessage? ProtobufJsonOf(string json, MessageDescriptor descriptor)
    {
        var fields = (JsonObject)JsonNode.Parse(json)!;
        var violations = new List<FieldViolation>();
        DateJson.ToProto(fields, descriptor, "", violations);
        if (violations.Count > 0) return null;
        try
        {
            return ProtobufJson.Parse(fields.ToJsonString(), descriptor);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
