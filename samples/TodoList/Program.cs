// Lists the TODO, FIXME and HACK comments of a repository as JSON, skipping whatever git ignores.
//   dotnet run --project samples/TodoList -- [DIRECTORY]
using System.Text.Json;
using System.Text.Json.Serialization;
using Scour;

var root = args.Length > 0 ? args[0] : ".";
var searcher = new SearchBuilder(@"\b(TODO|FIXME|HACK)\b:?\s*(.*)")
    .SortByPath()
    .Build();

var items = new List<TodoItem>();
foreach (var file in searcher.Search(root))
{
    if (file.Error is not null)
    {
        Console.Error.WriteLine($"{file.Path}: {file.Error}");
        continue;
    }

    foreach (var line in file.Lines)
    {
        var match = line.Submatches[0];
        var note = line.Text[match.CharStart..match.CharEnd];
        var kind = note.Split(':', ' ')[0];
        items.Add(new TodoItem(file.Path, line.LineNumber, match.CharStart + 1, kind, note[kind.Length..].TrimStart(':', ' ')));
    }
}

Console.WriteLine(JsonSerializer.Serialize(items, TodoJson.Default.ListTodoItem));
return items.Count > 0 ? 0 : 1;

internal sealed record TodoItem(string Path, long Line, int Column, string Kind, string Text);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<TodoItem>))]
internal sealed partial class TodoJson : JsonSerializerContext;
