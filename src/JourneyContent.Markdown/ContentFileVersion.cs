using System.Security.Cryptography;
using System.Text;

namespace JourneyContent.Markdown;

/// <summary>The version token of a content file: a hash of its text, so any edit by anyone changes it.</summary>
internal static class ContentFileVersion
{
    public static string Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
