using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using JourneyContent.Stages;
using JourneyContent.Umbraco.DocumentTypes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.Serialization;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Services.OperationStatus;

namespace JourneyContent.Umbraco.Tests.DocumentTypes;

/// <summary>
/// Substituted <see cref="IDataTypeService"/> and <see cref="IContentTypeService"/> (their repositories live in
/// Umbraco.Cms.Infrastructure) over an in-memory "database": a create or update stores the item, a get returns a fresh
/// copy of what was stored, as Umbraco's repositories do. Data type configurations are stored as JSON and read back
/// with the shapes Umbraco's configuration serializer gives (<c>object[]</c>, <see cref="JsonObject"/>, numbers).
/// </summary>
internal sealed class FakeUmbracoSchema
{
    /// <summary>The property editors of a standard Umbraco 17 site, with the value type each declares.</summary>
    public static readonly IReadOnlyDictionary<string, string> StandardEditors = new Dictionary<string, string>
    {
        ["Umbraco.Plain.String"] = ValueTypes.String,
        ["Umbraco.CheckBoxList"] = ValueTypes.Json,
        ["Umbraco.DropDown.Flexible"] = ValueTypes.Json,
        ["Umbraco.Tags"] = ValueTypes.Json,
        ["Umbraco.TextArea"] = ValueTypes.Text,
        ["Umbraco.TextBox"] = ValueTypes.String,
        ["Umbraco.MediaPicker3"] = ValueTypes.Json,
        ["Umbraco.MultiUrlPicker"] = ValueTypes.Json,
        ["Umbraco.MultiNodeTreePicker"] = ValueTypes.Text,
        ["Umbraco.TrueFalse"] = ValueTypes.Integer,
        ["Umbraco.Decimal"] = ValueTypes.Decimal,
    };

    private readonly Dictionary<Guid, StoredDataType> _dataTypes = [];
    private readonly Dictionary<Guid, IContentType> _contentTypes = [];
    private int _nextId = 1000;

    public FakeUmbracoSchema(IEnumerable<string>? editorAliases = null)
    {
        Editors = new PropertyEditorCollection(new DataEditorCollection(() =>
            [.. (editorAliases ?? StandardEditors.Keys).Select(alias => Editor(alias, StandardEditors.GetValueOrDefault(alias, ValueTypes.String)))]));

        DataTypes.GetAsync(Arg.Any<Guid>()).Returns(call => Task.FromResult(LoadDataType(call.Arg<Guid>())));
        DataTypes.CreateAsync(Arg.Any<IDataType>(), Arg.Any<Guid>()).Returns(call =>
        {
            var dataType = call.Arg<IDataType>();
            if (dataType.Id != 0 || _dataTypes.ContainsKey(dataType.Key))
            {
                return Task.FromResult(Attempt.FailWithStatus(DataTypeOperationStatus.DuplicateKey, dataType));
            }

            if (RefusedConfiguration(dataType))
            {
                return Task.FromResult(Attempt.FailWithStatus(DataTypeOperationStatus.InvalidConfiguration, dataType));
            }

            dataType.Id = _nextId++;
            StoreDataType(dataType);
            return Task.FromResult(Attempt.SucceedWithStatus(DataTypeOperationStatus.Success, dataType));
        });
        DataTypes.UpdateAsync(Arg.Any<IDataType>(), Arg.Any<Guid>()).Returns(call =>
        {
            var dataType = call.Arg<IDataType>();
            if (!_dataTypes.ContainsKey(dataType.Key))
            {
                return Task.FromResult(Attempt.FailWithStatus(DataTypeOperationStatus.NotFound, dataType));
            }

            if (RefusedConfiguration(dataType))
            {
                return Task.FromResult(Attempt.FailWithStatus(DataTypeOperationStatus.InvalidConfiguration, dataType));
            }

            StoreDataType(dataType);
            return Task.FromResult(Attempt.SucceedWithStatus(DataTypeOperationStatus.Success, dataType));
        });

        ContentTypes.Get(Arg.Any<string>()).Returns(call => Copy(_contentTypes.Values.FirstOrDefault(c => c.Alias == call.Arg<string>())));
        ContentTypes.Get(Arg.Any<Guid>()).Returns(call => Copy(_contentTypes.GetValueOrDefault(call.Arg<Guid>())));
        ContentTypes.GetAsync(Arg.Any<Guid>()).Returns(call => Task.FromResult(Copy(_contentTypes.GetValueOrDefault(call.Arg<Guid>()))));
        ContentTypes.CreateAsync(Arg.Any<IContentType>(), Arg.Any<Guid>()).Returns(call =>
        {
            var contentType = call.Arg<IContentType>();
            if (_contentTypes.Values.Any(c => c.Alias == contentType.Alias))
            {
                return Task.FromResult(Attempt.Fail(ContentTypeOperationStatus.DuplicateAlias));
            }

            contentType.Id = _nextId++;
            _contentTypes[contentType.Key] = Copy(contentType)!;
            return Task.FromResult(Attempt.Succeed(ContentTypeOperationStatus.Success));
        });
        ContentTypes.UpdateAsync(Arg.Any<IContentType>(), Arg.Any<Guid>()).Returns(call =>
        {
            var contentType = call.Arg<IContentType>();
            if (!_contentTypes.ContainsKey(contentType.Key))
            {
                return Task.FromResult(Attempt.Fail(ContentTypeOperationStatus.NotFound));
            }

            _contentTypes[contentType.Key] = Copy(contentType)!;
            return Task.FromResult(Attempt.Succeed(ContentTypeOperationStatus.Success));
        });
    }

    public IDataTypeService DataTypes { get; } = Substitute.For<IDataTypeService>();

    // DataTypeService validates the configuration before it saves (ValueListUniqueValueValidator for value lists).
    private static bool RefusedConfiguration(IDataType dataType) =>
        ValueListRule.Editors.Contains(dataType.EditorAlias)
        && dataType.ConfigurationData.TryGetValue("items", out var items)
        && ValueListRule.Check(items) is not null;

    public IContentTypeService ContentTypes { get; } = Substitute.For<IContentTypeService>();

    public PropertyEditorCollection Editors { get; }

    public IConfigurationEditorJsonSerializer Serializer { get; } = new UmbracoLikeConfigurationSerializer();

    /// <summary>A fresh copy of the stored data type with this key, as a repository would load it, or null.</summary>
    public IDataType? LoadDataType(Guid key)
    {
        if (!_dataTypes.TryGetValue(key, out var stored))
        {
            return null;
        }

        var editor = Editors.TryGet(stored.EditorAlias, out var found) ? found : Editor(stored.EditorAlias, ValueTypes.String);
        var dataType = new DataType(editor, Serializer)
        {
            Id = stored.Id,
            Key = stored.Key,
            Name = stored.Name,
            EditorUiAlias = stored.EditorUiAlias,
            DatabaseType = stored.DatabaseType,
        };
        dataType.SetConfigurationData(editor.GetConfigurationEditor().FromDatabase(stored.Configuration, Serializer));
        dataType.ResetDirtyProperties(false);
        return dataType;
    }

    /// <summary>A fresh copy of the stored content type with this alias, or null.</summary>
    public IContentType? LoadContentType(string alias) => Copy(_contentTypes.Values.FirstOrDefault(c => c.Alias == alias));

    /// <summary>Stores <paramref name="contentType"/> as a site's back-office edit would.</summary>
    public void SaveContentType(IContentType contentType) => _contentTypes[contentType.Key] = Copy(contentType)!;

    /// <summary>Stores <paramref name="dataType"/> as a site's back-office edit would.</summary>
    public void SaveDataType(IDataType dataType) => StoreDataType(dataType);

    public JourneyCompositionInstaller Installer(StageModel? stageModel = null) => new(
        DataTypes, ContentTypes, Editors, Serializer, UmbracoTestBuilder.ShortStrings, stageModel ?? StageModel.Default,
        NullLogger<JourneyCompositionInstaller>.Instance);

    /// <summary>Forgets the calls received so far, so that a test checks only the next run.</summary>
    public void ClearReceivedCalls()
    {
        DataTypes.ClearReceivedCalls();
        ContentTypes.ClearReceivedCalls();
    }

    private static IDataEditor Editor(string alias, string valueType)
    {
        var editor = Substitute.For<IDataEditor>();
        editor.Alias.Returns(alias);
        var configurationEditor = new ConfigurationEditor();
        editor.GetConfigurationEditor().Returns(configurationEditor);
        var valueEditor = Substitute.For<IDataValueEditor>();
        valueEditor.ValueType.Returns(valueType);
        editor.GetValueEditor().Returns(valueEditor);
        return editor;
    }

    private static IContentType? Copy(IContentType? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var copy = (IContentType)contentType.DeepClone();
        copy.ResetDirtyProperties(false);
        return copy;
    }

    private void StoreDataType(IDataType dataType) => _dataTypes[dataType.Key] = new StoredDataType(
        dataType.Id, dataType.Key, dataType.Name ?? string.Empty, dataType.EditorAlias, dataType.EditorUiAlias, dataType.DatabaseType,
        dataType.Editor!.GetConfigurationEditor().ToDatabase(dataType.ConfigurationData, Serializer));

    private sealed record StoredDataType(int Id, Guid Key, string Name, string EditorAlias, string? EditorUiAlias, ValueStorageType DatabaseType, string Configuration);

    /// <summary>
    /// Serializes like Umbraco's <c>SystemTextConfigurationEditorJsonSerializer</c> (Umbraco.Cms.Infrastructure): camel
    /// case, and untyped values read back as <c>object[]</c>, <see cref="JsonObject"/>, numbers, strings and booleans.
    /// </summary>
    private sealed class UmbracoLikeConfigurationSerializer : IConfigurationEditorJsonSerializer
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            Converters = { new JsonStringEnumConverter(), new UntypedConverter() },
        };

        public string Serialize(object? input) => JsonSerializer.Serialize(input, Options);

        public T? Deserialize<T>(string input) => JsonSerializer.Deserialize<T>(input, Options);

        public bool TryDeserialize<T>(object input, [NotNullWhen(true)] out T? value)
            where T : class
        {
            value = input as T ?? (input is string text ? Deserialize<T>(text) : null);
            return value is not null;
        }

        private sealed class UntypedConverter : JsonConverter<object>
        {
            public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray:
                        var items = new List<object>();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            items.Add(Read(ref reader, typeToConvert, options));
                        }

                        return items.ToArray();
                    case JsonTokenType.StartObject:
                        return JsonNode.Parse(ref reader)!.AsObject();
                    case JsonTokenType.True:
                        return true;
                    case JsonTokenType.False:
                        return false;
                    case JsonTokenType.Number when reader.TryGetInt32(out var i):
                        return i;
                    case JsonTokenType.Number when reader.TryGetInt64(out var l):
                        return l;
                    case JsonTokenType.Number:
                        return reader.GetDouble();
                    case JsonTokenType.String:
                        return reader.GetString()!;
                    default:
                        return JsonDocument.ParseValue(ref reader).RootElement.Clone();
                }
            }

            public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
        }
    }
}
