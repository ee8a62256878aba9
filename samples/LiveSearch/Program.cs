// Search as you type: each line read from standard input is a new query; typing again cancels the
// search still running for the previous one, as an editor's "find in files" box does.
//   dotnet run --project samples/LiveSearch -- [DIRECTORY]
using Scour;
using Scour.Matching;

var root = args.Length > 0 ? args[0] : ".";
const int MaxResults = 20;
CancellationTokenSource? current = null;
Task running = Task.CompletedTask;

while (Console.ReadLine() is { } query)
{
    // A new keystroke: stop the previous search and wait for it to wind down.
    if (current is not null)
    {
        await current.CancelAsync();
        await running;
        current.Dispose();
    }

    current = new CancellationTokenSource();
    running = SearchAsync(query, root, current.Token);
}

await running;
current?.Dispose();

static async Task SearchAsync(string query, string root, CancellationToken cancellationToken)
{
    if (query.Length == 0)
    {
        return;
    }

    Searcher searcher;
    try
    {
        searcher = new SearchBuilder(query).SmartCase().Build();
    }
    catch (PatternSyntaxException e)
    {
        Console.WriteLine($"? {e.Reason}");
        return; // mid-typing patterns are often incomplete
    }

    var shown = 0;
    try
    {
        await foreach (var file in searcher.Search([root], cancellationToken).ReadAllAsync(cancellationToken))
        {
            foreach (var line in file.Lines)
            {
                Console.WriteLine($"{query} | {file.Path}:{line.LineNumber}: {line.Text.Trim()}");
                if (++shown == MaxResults)
                {
                    return; // leaving the loop stops the search
                }
            }
        }
    }
    catch (OperationCanceledException)
    {
        return; // superseded by a newer query
    }

    Console.WriteLine($"{query} | {shown} results");
}
