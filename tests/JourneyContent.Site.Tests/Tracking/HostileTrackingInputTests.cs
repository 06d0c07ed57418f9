using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace JourneyContent.Site.Tests.Tracking;

/// <summary>Anyone can post to the tracking API: every malformed body is a 400 with a message, never a 500.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class HostileTrackingInputTests(DemoSiteFixture fixture)
{
    private const string Json = "application/json";

    private static readonly string Deep = new StringBuilder().Insert(0, "{\"a\":", 65).Append('1').Append('}', 65).ToString();

    /// <summary>Bodies neither endpoint can use, with why.</summary>
    public static TheoryData<string, string, string> HostileBodies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in new[] { "/api/journey/consent", "/api/journey/events" })
        {
            data.Add(endpoint, Json, "");
            data.Add(endpoint, Json, "{");
            data.Add(endpoint, Json, "{\"accept\": tru}");
            data.Add(endpoint, Json, "not json at all");
            data.Add(endpoint, Json, "[]");
            data.Add(endpoint, Json, "\"accept\"");
            data.Add(endpoint, Json, "null");
            data.Add(endpoint, Json, "42");
            data.Add(endpoint, Json, Deep);
            data.Add(endpoint, Json, "{\"accept\":\"\\ud800\",\"type\":\"\\ud800\"}");
            data.Add(endpoint, Json, "{\"accept\":\"a\\u0000b\",\"type\":\"engaged\\u0000\"}");
            data.Add(endpoint, Json, "{\"\\udc00\":true}");
            data.Add(endpoint, "application/json; charset=bogus", "{\"accept\":true,\"type\":\"engaged\",\"path\":\"/en/pricing\"}");
            data.Add(endpoint, "application/json; charset=utf-16", "{\"accept\":true,\"type\":\"engaged\",\"path\":\"/en/pricing\"}");
            data.Add(endpoint, "text/plain", "{\"accept\":true}");
        }

        data.Add("/api/journey/consent", Json, "{\"accept\":\"yes\"}");
        data.Add("/api/journey/consent", Json, "{\"accept\":1}");
        data.Add("/api/journey/consent", Json, "{\"accept\":null}");
        data.Add("/api/journey/consent", Json, "{}");
        data.Add("/api/journey/events", Json, "{\"type\":\"engaged\",\"path\":42}");
        data.Add("/api/journey/events", Json, "{\"type\":5}");
        data.Add("/api/journey/events", Json, "{\"type\":[\"engaged\"]}");
        data.Add("/api/journey/events", Json, "{\"type\":\"engaged\",\"path\":\"/en/pricing\",\"stage\":{\"key\":\"decision\"}}");
        data.Add("/api/journey/events", Json, "{\"type\":\"engaged\",\"path\":\"/en/pricing\",\"stage\":\"decision\"}");
        data.Add("/api/journey/events", Json, "{\"type\":\"cta_click\",\"path\":\"/en/pricing\",\"stage\":\"decision\"}");
        data.Add("/api/journey/events", Json, "{\"type\":\"declared_stage\"}");
        data.Add("/api/journey/events", Json, "{\"type\":\"declared_stage\",\"stage\":\"nirvana\"}");
        data.Add("/api/journey/events", Json, "{\"type\":\"form_submit\",\"path\":\"/en/pricing\"}");
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_body_is_answered_400_with_problem_details(string endpoint, string contentType, string body)
    {
        using var client = fixture.CreateClient();

        using var response = await PostAsync(client, endpoint, contentType, Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/api/journey/consent")]
    [InlineData("/api/journey/events")]
    public async Task Bytes_that_are_not_utf8_are_answered_400(string endpoint)
    {
        using var client = fixture.CreateClient();
        // A surrogate encoded as UTF-8 bytes (CESU-8), then a byte that starts no character.
        byte[] body = [.. "{\"accept\":\""u8, 0xED, 0xA0, 0x80, .. "\",\"type\":\""u8, 0xFF, .. "\"}"u8];

        using var response = await PostAsync(client, endpoint, Json, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Random_bodies_never_make_the_tracking_endpoints_fail()
    {
        using var client = fixture.CreateClient();
        var fragments = Gen.Elements("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d800", "\\u0000", "\"accept\"", "\"type\"", "\"path\"", "\"stage\"",
            "\"engaged\"", "\"declared_stage\"", "\"decision\"", "true", "null", "-1e999", "42", " ", "\u00e9", "\ud83d\ude00");
        var bodies = Gen.ListOf(fragments).Select(parts => string.Concat(parts)).Sample(200, 300);

        foreach (var body in bodies)
        {
            foreach (var endpoint in new[] { "/api/journey/consent", "/api/journey/events" })
            {
                using var response = await PostAsync(client, endpoint, Json, Encoding.UTF8.GetBytes(body));

                Assert.True((int)response.StatusCode is >= 200 and < 500, $"{endpoint} answered {(int)response.StatusCode} to {body}");
                Assert.True(Enum.IsDefined(response.StatusCode), $"{endpoint} answered an undefined status to {body}");
            }
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string endpoint, string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, UriKind.Relative)) { Content = content };
        return await client.SendAsync(request);
    }
}
