using ImpactAlliances.Indexer;

return await IndexerCommands.RunAsync(args, Console.Out, Console.Error);
