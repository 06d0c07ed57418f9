using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace JourneyContent.Web.Tracking;

/// <summary>The result of reading a JSON body: the value, or a message saying why the body cannot be used.</summary>
/// <typeparam name="T">The body's type.</typeparam>
/// <param name="Value">The body; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">A message for the sender, or null.</param>
internal readonly record struct JsonBodyResult<T>(T? Value, string? Problem)
    where T : class;

/// <summary>Reads the small JSON bodies that browsers post to the tracking API, refusing hostile ones with a message.</summary>
/// <remarks>
/// <para>Anyone can post to these endpoints, so every way a body can be wrong is an answer, not an exception: a charset
/// other than UTF-8, an empty or oversized body, malformed JSON, nesting deeper than <see cref="MaxDepth"/>, a root that
/// is not an object, a field of the wrong type, and strings holding NUL characters or unpaired surrogates (which could
/// not be stored or echoed safely).</para>
/// <para>The body is parsed into a document first, so that the strings are checked before any of them reaches the domain.</para>
/// </remarks>
internal static class JsonBody
{
    /// <summary>The deepest nesting accepted (System.Text.Json's default, stated so it cannot change under us).</summary>
    public const int MaxDepth = 64;

    /// <summary>The largest body accepted, in bytes: a tracking event is well under a kilobyte.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = MaxDepth };

    /// <summary>Reads the request's body as <typeparamref name="T"/>.</summary>
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && mediaType.Charset.HasValue
            && !(mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            return Fail<T>("The body must be JSON in UTF-8; send Content-Type: application/json without another charset.");
        }

        var bytes = await ReadBytesAsync(request);
        if (bytes is null)
        {
            return Fail<T>($"The body is larger than {MaxBytes} bytes.");
        }

        if (bytes.Length == 0)
        {
            return Fail<T>("The body is empty; send a JSON object.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            return Fail<T>($"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}); objects may be nested {MaxDepth} levels deep at most.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail<T>("The body must be a JSON object.");
            }

            bool clean;
            try
            {
                clean = StringsAreClean(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) cannot be turned into a string at all.
                clean = false;
            }

            if (!clean)
            {
                return Fail<T>("Strings in the body may not contain NUL characters or unpaired surrogates.");
            }

            try
            {
                return document.RootElement.Deserialize<T>(Options) is { } value ? new(value, null) : Fail<T>("The body must be a JSON object.");
            }
            catch (JsonException ex)
            {
                return Fail<T>($"The field {ex.Path ?? "$"} has the wrong type.");
            }
        }
    }

    private static JsonBodyResult<T> Fail<T>(string problem)
        where T : class => new(null, problem);

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBytes"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadBytesAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Whether every string and property name below <paramref name="element"/> is well-formed UTF-16 without NUL.</summary>
    private static bool StringsAreClean(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsClean(property.Name) || !StringsAreClean(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!StringsAreClean(item))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                return IsClean(element.GetString());

            default:
                return true;
        }
    }

    private static bool IsClean(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
