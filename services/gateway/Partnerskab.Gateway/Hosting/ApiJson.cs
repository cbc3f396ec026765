using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnerskab.Gateway.Hosting;

/// <summary>How the gateway writes the JSON it writes itself (problem details, answers with rewritten dates).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Served as JSON, never inside HTML: no need to escape <, quotes or Danish letters.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
