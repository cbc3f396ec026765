using System.Text;
using System.Text.Json.Nodes;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>Requests and answers as JSON text: what a kommune system written in any language would send.</summary>
public static class Json
{
    public static HttpContent Body(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> SendAsync(this HttpClient client, HttpMethod method, string path, string? json = null,
        int expectedStatus = 200)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Body(json) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, $"{method} {path} answered {text}");
        return JsonNode.Parse(text)!;
    }

    public static Task<JsonNode> GetJsonAsync(this HttpClient client, string path, int expectedStatus = 200) =>
        client.SendAsync(HttpMethod.Get, path, null, expectedStatus);

    public static Task<JsonNode> PostJsonAsync(this HttpClient client, string path, string json, int expectedStatus = 200) =>
        client.SendAsync(HttpMethod.Post, path, json, expectedStatus);

    public static Task<JsonNode> PutJsonAsync(this HttpClient client, string path, string json, int expectedStatus = 200) =>
        client.SendAsync(HttpMethod.Put, path, json, expectedStatus);

    /// <summary>The media type of an answer, e.g. application/problem+json.</summary>
    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

}
