using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using JourneyContent.Umbraco.Composing;

namespace JourneyContent.Umbraco.Tests.Package;

/// <summary>
/// The package assembly as compiled, against the Umbraco.Cms.Core these tests run on. C# that compiles against two Cores
/// can still fail on the one it was not compiled against: Umbraco 18 moved <c>IPublishedContent.Name</c> (and
/// <c>UpdateDate</c>, <c>Cultures</c>, <c>IsPublished</c>) to <c>IPublishedElement</c>, and a call compiled against 17
/// names <c>IPublishedContent</c>, so it throws <see cref="MissingMethodException"/> on 18. Each member the assembly
/// references in Umbraco.Core is resolved here, by its metadata token, as the runtime would when the code first runs.
/// </summary>
public sealed class UmbracoBinaryCompatibilityTests
{
    [Fact]
    public void Every_member_the_package_uses_in_umbraco_core_exists_in_the_core_it_runs_on()
    {
        var package = typeof(JourneyContentComposer).Assembly;
        var references = UmbracoCoreMemberReferences(package.Location);
        var missing = new List<string>();
        foreach (var (token, name) in references)
        {
            try
            {
                _ = package.ManifestModule.ResolveMember(token);
            }
            catch (Exception e) when (e is MissingMemberException or TypeLoadException)
            {
                missing.Add($"{name}: {e.Message}");
            }
        }

        Assert.True(references.Count > 50, $"Only {references.Count} references into Umbraco.Core were found: the reader is wrong.");
        Assert.True(missing.Count == 0, $"Compiled against Umbraco.Cms.Core {UmbracoBuild.CoreVersion}, running on {UmbracoBuild.TestVersion}:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    /// <summary>The member references (methods, constructors, fields) whose declaring type is in Umbraco.Core.</summary>
    private static List<(int Token, string Name)> UmbracoCoreMemberReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var found = new List<(int, string)>();
        foreach (var handle in metadata.MemberReferences)
        {
            var reference = metadata.GetMemberReference(handle);
            if (DeclaringTypeReference(metadata, reference.Parent) is not { } type || !IsInUmbracoCore(metadata, type))
            {
                continue;
            }

            var declaring = metadata.GetTypeReference(type);
            found.Add((MetadataTokens.GetToken(handle), $"{metadata.GetString(declaring.Namespace)}.{metadata.GetString(declaring.Name)}::{metadata.GetString(reference.Name)}"));
        }

        return found;
    }

    /// <summary>The type a member reference belongs to; for a generic instantiation (a type specification), its generic type.</summary>
    private static TypeReferenceHandle? DeclaringTypeReference(MetadataReader metadata, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                return (TypeReferenceHandle)parent;
            case HandleKind.TypeSpecification:
                var signature = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (signature.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                signature.ReadSignatureTypeCode(); // class or value type
                var generic = signature.ReadTypeHandle();
                return generic.Kind == HandleKind.TypeReference ? (TypeReferenceHandle)generic : null;
            default:
                return null;
        }
    }

    private static bool IsInUmbracoCore(MetadataReader metadata, TypeReferenceHandle type)
    {
        var scope = metadata.GetTypeReference(type).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = metadata.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference
            && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == "Umbraco.Core";
    }
}
