using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Forms;

/// <summary>Reads a posted form once, up front, and turns a form that cannot be read into a 400 instead of an exception.</summary>
/// <remarks>
/// <para>ASP.NET Core refuses a form with more than 1,024 fields or a value over 4 MB (<c>FormOptions</c>), or a body
/// that breaks off, by throwing <see cref="InvalidDataException"/> or <see cref="BadHttpRequestException"/> wherever the
/// form is first read: in antiforgery, model binding or the module's own code, which made it a 500.</para>
/// <para>After a refusal the request is made an empty GET, so that the status code page re-executed for the 400 renders
/// its message without reading the broken body again.</para>
/// </remarks>
public static class ReadableForms
{
    /// <summary>True when the request has no form or its form was read; false when it was refused with 400.</summary>
    public static async Task<bool> TryReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            return true;
        }

        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Request.Method = HttpMethods.Get;
            context.Request.ContentType = null;
            context.Request.ContentLength = 0;
            context.Request.Body = Stream.Null;
            return false;
        }
    }
}

/// <summary>Runs <see cref="ReadableForms.TryReadAsync"/> before the endpoints (place it after the status code pages).</summary>
public sealed class ReadableFormMiddleware(RequestDelegate next)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (await ReadableForms.TryReadAsync(context))
        {
            await next(context);
        }
    }
}
