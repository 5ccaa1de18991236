using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Evaluation;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Indexer;

namespace ImpactAlliances.Core.Tests.Indexer;

/// <summary>The indexer's command line, run in process with its real arguments.</summary>
public sealed class IndexerCommandsFacts : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _content;
    private readonly string _index;

    public IndexerCommandsFacts()
    {
        _content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));
        _index = Path.Combine(_folder.Path, "index");
    }

    [Fact]
    public async Task Validate_succeeds_on_valid_content()
    {
        var (code, output, _) = await Run("validate", "--content", _content);

        Assert.Equal(IndexerCommands.Ok, code);
        Assert.Contains($"{FixtureCorpus.Cases.Count} cas valides, 0 avertissement.", output);
    }

    [Fact]
    public async Task Validate_lists_every_error_and_fails()
    {
        File.WriteAllText(Path.Combine(_content, "cases", "bad.md"), FixtureCorpus.Cases[0].ToMarkdown()
            .Replace("scale: national", "scale: galactique")
            .Replace("Garages solidaires et mobilité", "Un autre titre")
            .Replace("domains: [mobilite, emploi-insertion]", "domains: [mobilty]"));

        var (code, output, error) = await Run("validate", "--content=" + _content);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Contains("content/cases/bad.md:8: valeur inconnue « mobilty » dans domains ; vouliez-vous dire « mobilite » ?\n", error);
        Assert.Contains("content/cases/bad.md:11: valeur inconnue « galactique » dans territory.scale ; valeurs possibles : local, departemental, regional, national, international\n", error);
        Assert.Contains("2 erreurs dans 1 fichier, 0 avertissement.", output);
    }

    [Fact]
    public async Task Build_then_stats_report_the_cases_and_their_facets()
    {
        var (buildCode, buildOutput, _) = await Run("build", "--content", _content, "--index", _index);
        var (statsCode, stats, _) = await Run("stats", "--index", _index);

        Assert.Equal(IndexerCommands.Ok, buildCode);
        Assert.Matches($@"{FixtureCorpus.Cases.Count} cas indexés en \d+,\d\d s", buildOutput);
        Assert.Equal(IndexerCommands.Ok, statsCode);
        Assert.StartsWith($"{FixtureCorpus.Cases.Count} cas (index ", stats);
        var associations = FixtureCorpus.Cases.Count(c => c.Actors.Contains("association"));
        Assert.Matches($@"\n\s+{associations}\s+association\n", stats);
        Assert.Matches(@"\n\s+0\s+corse\n", stats);
    }

    [Fact]
    public async Task Build_refuses_invalid_content_and_keeps_the_index()
    {
        await Run("build", "--content", _content, "--index", _index);
        var before = File.ReadAllText(Path.Combine(_index, "current"));
        File.WriteAllText(Path.Combine(_content, "cases", "broken.md"), "---\ntitle: [\n---\n");

        var (code, _, error) = await Run("build", "--content", _content, "--index", _index);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Contains("content/cases/broken.md:2: liste non fermée : fermez par ] la liste ouverte par [ sur cette ligne (colonne 8)", error);
        Assert.Contains("Construction arrêtée : corrigez les erreurs ci-dessus. L'index en place n'a pas changé.", error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_index, "current")));
    }

    [Fact]
    public async Task Validate_and_build_report_hostile_files_and_keep_the_index()
    {
        await Run("build", "--content", _content, "--index", _index);
        var before = File.ReadAllText(Path.Combine(_index, "current"));
        var deep = Path.Combine(_content, "cases", "profond.md");
        File.WriteAllText(deep, "---\nnested: " + new string('{', 100_000) + "\n---\n");
        var fifo = Path.Combine(_content, "cases", "x.md");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        foreach (var args in new[] { new[] { "validate", "--content", _content }, ["build", "--content", _content, "--index", _index] })
        {
            var (code, _, error) = await Run(args).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(IndexerCommands.Failed, code);
            Assert.Contains("content/cases/profond.md:2: YAML imbriqué sur plus de 64 niveaux", error);
            Assert.Contains("content/cases/x.md:1: tube nommé (FIFO), pas un fichier ordinaire", error);
        }
        Assert.Equal(before, File.ReadAllText(Path.Combine(_index, "current")));
    }

    [Fact]
    public async Task An_index_whose_manifest_is_damaged_is_refused_by_stats_and_publish_which_copy_nothing()
    {
        await Run("build", "--content", _content, "--index", _index);
        var version = File.ReadAllText(Path.Combine(_index, "current")).Trim();
        var manifest = Path.Combine(_index, version, "manifest.json");
        File.WriteAllText(manifest, "{\n  \"Format\": ");
        var published = Path.Combine(_folder.Path, "published");

        var (stats, _, statsError) = await Run("stats", "--index", _index);
        var (publish, _, publishError) = await Run("publish", "--index", _index, "--to", published);

        Assert.Equal(IndexerCommands.Failed, stats);
        Assert.Equal($"Index illisible dans {_index} ({manifest}:2: unreadable manifest) : reconstruisez-le avec la commande build.", statsError.TrimEnd());
        Assert.Equal(IndexerCommands.Failed, publish);
        Assert.Equal($"Publication impossible : {manifest}:2: unreadable manifest", publishError.TrimEnd());
        Assert.Empty(Directory.EnumerateFileSystemEntries(published));
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("publish", "--to", "{out}")]
    [InlineData("release", "--content", "{content}", "--out", "{out}")]
    public async Task A_command_that_reads_the_index_fails_without_one_with_the_same_reason_in_french(params string[] command)
    {
        // publish said « No index in '…' to publish: build one first. », the library's own words.
        var (code, _, error) = await Run([.. command.Select(a => a.Replace("{content}", _content, StringComparison.Ordinal)
            .Replace("{out}", Path.Combine(_folder.Path, "out"), StringComparison.Ordinal)), "--index", _index]);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Equal($"Aucun index dans {_index} : construisez-le avec la commande build.", error.TrimEnd());
    }

    [Theory]
    [InlineData("format", "stats")]
    [InlineData("format", "release", "--content", "{content}", "--out", "{out}")]
    [InlineData("files", "stats")]
    [InlineData("files", "release", "--content", "{content}", "--out", "{out}")]
    public async Task An_index_of_another_format_or_with_missing_files_fails_with_a_reason_not_a_crash(string damage, params string[] command)
    {
        await Run("build", "--content", _content, "--index", _index);
        var version = Path.Combine(_index, File.ReadAllText(Path.Combine(_index, "current")).Trim());
        if (damage == "format")
        {
            var manifest = Path.Combine(version, "manifest.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"Format\":{CaseStudySchema.FormatVersion}", "\"Format\":1", StringComparison.Ordinal));
        }
        else
        {
            Array.ForEach(Directory.GetFiles(Path.Combine(version, "lucene")), File.Delete);
        }

        var (code, _, error) = await Run([.. command.Select(a => a.Replace("{content}", _content, StringComparison.Ordinal)
            .Replace("{out}", Path.Combine(Path.GetDirectoryName(_index)!, "releases"), StringComparison.Ordinal)), "--index", _index]);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.StartsWith($"Index illisible dans {_index} (", error);
        Assert.EndsWith(": reconstruisez-le avec la commande build.\n", error);
        if (damage == "format")
        {
            Assert.Contains("index format 1, expected " + CaseStudySchema.FormatVersion, error);
        }
    }

    [Theory]
    [InlineData("validate", "--content", "{file}")]
    [InlineData("build", "--content", "{content}", "--index", "{file}")]
    [InlineData("stats", "--index", "{file}")]
    [InlineData("publish", "--to", "{file}")]
    [InlineData("release", "--content", "{content}", "--out", "{file}")]
    [InlineData("generate", "--count", "1", "--out", "{file}")]
    public async Task A_folder_option_given_a_file_exits_with_2_saying_so(params string[] args)
    {
        // publish said « Publication impossible : The file '…' already exists. », generate « Could not find a part of the path ».
        var file = Path.Combine(_folder.Path, "un-fichier.txt");
        File.WriteAllText(file, "x");

        var (code, _, error) = await Run([.. args.Select(a => a.Replace("{file}", file, StringComparison.Ordinal).Replace("{content}", _content, StringComparison.Ordinal))]);

        Assert.Equal(IndexerCommands.BadArguments, code);
        Assert.StartsWith($"L'option {args[Array.IndexOf(args, "{file}") - 1]} attend un dossier ; {file} est un fichier.\n", error);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("build", "--nope")]
    [InlineData("validate", "--content")]
    public async Task Bad_arguments_exit_with_2(params string[] args)
    {
        var (code, _, error) = await Run(args);

        Assert.Equal(IndexerCommands.BadArguments, code);
        Assert.Contains("Usage :", error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("validate", "--help")]
    [InlineData("build", "--help")]
    [InlineData("stats", "-h")]
    [InlineData("help")]
    [InlineData("help", "publish")]
    public async Task Help_is_printed_for_the_tool_and_each_command(params string[] args)
    {
        var (code, output, _) = await Run(args);

        Assert.Equal(IndexerCommands.Ok, code);
        Assert.StartsWith($"Usage : ImpactAlliances.Indexer {(args[0] == "help" ? args.ElementAtOrDefault(1) ?? "<commande>" : args[0] == "--help" ? "<commande>" : args[0])} ", output);
    }

    [Theory]
    [InlineData(new[] { "build", "--indx", "x" }, "Commande ou argument non reconnu\u00A0: '--indx'.\n", "« --indx » : vouliez-vous dire « --index » ?\n", "Usage : ImpactAlliances.Indexer build [--content <dossier>] [--index <dossier>]\n")]
    [InlineData(new[] { "biuld" }, "Commande ou argument non reconnu\u00A0: 'biuld'.\n", "« biuld » : vouliez-vous dire « build » ?\n", "Usage : ImpactAlliances.Indexer <commande> [options]\n")]
    [InlineData(new[] { "stats", "--content", "content" }, "Commande ou argument non reconnu\u00A0: '--content'.\n", "Commande ou argument non reconnu\u00A0: 'content'.\n", "Usage : ImpactAlliances.Indexer stats [--index <dossier>]\n")]
    public async Task A_wrong_option_or_command_is_named_in_french_with_what_was_meant(string[] args, string problem, string hint, string usage)
    {
        var (code, output, error) = await Run(args);

        Assert.Equal(IndexerCommands.BadArguments, code);
        Assert.Equal("", output);
        Assert.Contains(problem, error);
        Assert.Contains(hint, error);
        Assert.Contains("\n\n" + usage, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData(new[] { "validate", "--content" }, "Argument obligatoire manquant pour l'option\u00A0: '--content'.")]
    [InlineData(new[] { "publish", "--index", "index", "--to" }, "Argument obligatoire manquant pour l'option\u00A0: '--to'.")]
    [InlineData(new[] { "publish", "--index", "index" }, "L'option --to est obligatoire.")]
    [InlineData(new[] { "release", "--out", " " }, "L'option --out attend une valeur.")]
    [InlineData(new[] { "relevance", "--details", "--help" }, "L'option --details attend une valeur.")]
    [InlineData(new[] { "generate", "--out", "corpus" }, "L'option --count est obligatoire.")]
    [InlineData(new[] { "generate", "--count", "1000001", "--out", "corpus" }, "L'option --count attend un nombre de cas de 1 à 1 000 000, pas « 1000001 ».")]
    [InlineData(new[] { "generate", "--count", "5", "--out", "corpus", "--seed", "sept" }, "L'option --seed attend une graine entière, pas « sept ».")]
    [InlineData(new[] { "new" }, "Argument obligatoire 'titre' manquant pour la commande : 'new'.")]
    public async Task A_missing_or_wrong_value_is_named_in_french_and_nothing_runs(string[] args, string problem)
    {
        var before = Directory.GetFileSystemEntries(_folder.Path);
        var (code, output, error) = await Run(args.Select(a => a is "corpus" or "index" ? Path.Combine(_folder.Path, a) : a).ToArray());

        Assert.Equal(IndexerCommands.BadArguments, code);
        Assert.Equal("", output);
        Assert.StartsWith(problem + "\n\nUsage : ImpactAlliances.Indexer " + args[0], error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(before, Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task The_tool_help_lists_every_command_in_french()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;

        var (code, output, error) = await Run("--help");

        Assert.Equal(IndexerCommands.Ok, code);
        Assert.Equal("", error);
        Assert.StartsWith("Usage : ImpactAlliances.Indexer <commande> [options]\n", output);
        Assert.Contains("\nCommandes :\n  validate    vérifie chaque cas et la taxonomie ; écrit chaque problème sous la forme chemin:ligne: message\n", output);
        foreach (var command in new[] { "build", "publish", "stats", "new", "relevance", "generate", "release" })
        {
            Assert.Matches($@"\n  {command} +\p{{Ll}}", output);
        }
        Assert.Contains("\n  -h, --help   affiche cette aide\n", output);
        Assert.EndsWith("Codes de sortie : 0 succès, 1 contenu invalide ou construction échouée, 2 arguments incorrects.\n", output);
        Assert.Equal(culture, System.Globalization.CultureInfo.CurrentUICulture);
    }

    [Fact]
    public async Task A_command_help_gives_its_usage_options_and_exit_codes_in_french()
    {
        var (code, output, _) = await Run("relevance", "--help");

        Assert.Equal(IndexerCommands.Ok, code);
        Assert.StartsWith("Usage : ImpactAlliances.Indexer relevance [--content <dossier>] [--judgments <fichier>] [--details <ids>] [--json <fichier>]\n\nConstruit un index jetable", output);
        Assert.EndsWith($"""

            Options :
              --content <dossier>     dossier du contenu (par défaut : content, ou le réglage Content:Path)
              --judgments <fichier>   ne mesurer que ce fichier de jugements
              --details <ids>         afficher aussi les 10 premiers résultats, avec leur note, de ces requêtes
                                      (identifiants séparés par des virgules, ou « all »)
              --json <fichier>        écrire aussi les chiffres de chaque jeu en JSON dans ce fichier
              -h, --help              affiche cette aide

            Codes de sortie : 0 affiché, 1 contenu ou jugements invalides, ou requête de --details inconnue, 2 arguments incorrects.

            """, output);
    }

    [Fact]
    public async Task The_relevance_help_names_every_judged_set_it_reads()
    {
        var (_, output, _) = await Run("relevance", "--help");

        Assert.All(RelevanceCommand.Sets, set => Assert.Contains(Path.GetFileName(set.Path), output));
    }

    [Fact]
    public async Task Generate_then_validate_run_through_the_parser_with_typed_and_repeated_options()
    {
        var corpus = Path.Combine(_folder.Path, "corpus");

        var (generated, generateOutput, _) = await Run("generate", "--count=3", "--out", corpus, "--seed", "-7", "--content", _content);
        // Given twice, an option keeps its last value.
        var (validated, validateOutput, _) = await Run("validate", "--content", Path.Combine(_folder.Path, "nowhere"), "--content", corpus);

        Assert.Equal(IndexerCommands.Ok, generated);
        Assert.Contains($"3 cas synthétiques écrits (graine -7) dans {corpus}", generateOutput);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(corpus, "cases"), "*.md").Length);
        Assert.Equal(IndexerCommands.Ok, validated);
        Assert.Contains("3 cas valides", validateOutput);
    }

    [Theory]
    [InlineData("{\n  \"description\": \"x\",\n  \"queries\": [\n", ":4: fichier de jugements illisible")]
    [InlineData("{ \"description\": \"x\", \"queries\": 3 }", ":1: fichier de jugements illisible")]
    [InlineData("{ \"description\": \"x\" }", ":1: fichier de jugements sans liste « queries »")]
    [InlineData("{ \"description\": \"x\", \"queries\": [ { \"id\": \"q1\", \"query\": \"vélo\" } ] }", ":1: la requête n° 1 de « queries » n'a pas d'« id », de « query » ou de « relevant »")]
    public async Task A_malformed_judgments_file_is_refused_with_its_line(string json, string message)
    {
        var file = Path.Combine(_folder.Path, "judgments.json");
        File.WriteAllText(file, json);

        var (code, _, error) = await Run("relevance", "--judgments", file, "--content", _content);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.StartsWith($"{file}{message}", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_json_output_in_a_missing_folder_is_refused_before_anything_is_built()
    {
        var file = Path.Combine(_folder.Path, "judgments.json");
        File.WriteAllText(file, "{ \"description\": \"x\", \"queries\": [ { \"id\": \"q1\", \"query\": \"vélo\", \"relevant\": {} } ] }");
        var json = Path.Combine(_folder.Path, "missing", "figures.json");

        var (code, output, error) = await Run("relevance", "--judgments", file, "--content", _content, "--json", json);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Equal("", output);
        Assert.Equal($"--json : le dossier de {json} n'existe pas ; rien ne serait écrit", error.Trim());
    }

    [Fact]
    public async Task Queries_without_a_kind_are_counted_under_one_in_the_json_figures()
    {
        var file = Path.Combine(_folder.Path, "judgments.json");
        File.WriteAllText(file, "{ \"description\": \"x\", \"queries\": [ { \"id\": \"q1\", \"query\": \"vélo\", \"relevant\": {} }, { \"id\": \"q2\", \"query\": \"emploi\", \"relevant\": {} } ] }");
        var json = Path.Combine(_folder.Path, "figures.json");

        var (code, _, error) = await Run("relevance", "--judgments", file, "--content", _content, "--json", json);

        Assert.Equal(IndexerCommands.Ok, code);
        Assert.Equal("", error);
        using var figures = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, figures.RootElement.GetProperty("judgments").GetProperty("kinds").GetProperty(RelevanceJudgments.NoKind).GetProperty("queries").GetInt32());
    }

    [Fact]
    public async Task A_file_a_command_cannot_write_is_said_without_a_stack_trace()
    {
        var file = Path.Combine(_folder.Path, "judgments.json");
        File.WriteAllText(file, "{ \"description\": \"x\", \"queries\": [ { \"id\": \"q1\", \"query\": \"vélo\", \"relevant\": {} } ] }");
        // A folder where the file should be: the folder exists, the write fails.
        var json = Directory.CreateDirectory(Path.Combine(_folder.Path, "figures.json")).FullName;

        var (code, _, error) = await Run("relevance", "--judgments", file, "--content", _content, "--json", json);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.StartsWith("Lecture ou écriture impossible (détail : ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_query_asked_for_in_details_that_no_set_holds_is_named_before_anything_is_built()
    {
        var file = Path.Combine(_folder.Path, "judgments.json");
        File.WriteAllText(file, "{ \"description\": \"x\", \"queries\": [ { \"id\": \"q1\", \"query\": \"vélo\", \"relevant\": {} } ] }");

        var (code, output, error) = await Run("relevance", "--judgments", file, "--content", _content, "--details", "q1, q9,zz");

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Equal("", output);
        Assert.Equal("--details : aucune requête « q9 », « zz » dans les jeux mesurés", error.Trim());
    }

    [Fact]
    public async Task Generate_without_a_taxonomy_says_where_it_looked_and_fails()
    {
        var nowhere = Path.Combine(_folder.Path, "nowhere");

        var (code, output, error) = await Run("generate", "--count", "3", "--out", Path.Combine(_folder.Path, "corpus"), "--content", nowhere);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Equal("", output);
        Assert.Contains($"{Path.Combine(nowhere, "taxonomy.yml")}:1: fichier de taxonomie introuvable", error);
        Assert.Contains("--content", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task New_creates_a_case_from_the_template_and_lists_what_to_fill_in()
    {
        File.Copy(RepositoryPaths.Resolve("content/_template.md"), Path.Combine(_content, "_template.md"));

        var (code, output, _) = await Run("new", "Énergie « citoyenne » à Saint-Étienne", "--content", _content);

        Assert.Equal(IndexerCommands.Ok, code);
        var path = Path.Combine(_content, "cases", "energie-citoyenne-a-saint-etienne.md");
        var text = File.ReadAllText(path);
        Assert.Contains("title: \"Énergie « citoyenne » à Saint-Étienne\"", text);
        Assert.Matches(@"\nupdated: \d{4}-\d{2}-\d{2}\n", text);
        Assert.StartsWith("content/cases/energie-citoyenne-a-saint-etienne.md créé.\n", output);
        Assert.Contains("  content/cases/energie-citoyenne-a-saint-etienne.md:7: summary est vide\n", output);
        Assert.Contains("  content/cases/energie-citoyenne-a-saint-etienne.md:30: section « Contexte » vide : écrivez son texte\n", output);
        // The date a source was read is the editor's to give: a date in the template would pass for one.
        Assert.Contains("  content/cases/energie-citoyenne-a-saint-etienne.md:23: sources.accessed doit être une date au format AAAA-MM-JJ", output);
        Assert.Contains("partnership_type est vide : choisissez une valeur de la taxonomie (pratiques-responsables, cooperation-economique, innovation-societale, mecenat)", output);
        Assert.True((await Run("validate", "--content", _content)).Code == IndexerCommands.Failed, "the new case is not valid until filled in");
    }

    [Fact]
    public async Task New_never_overwrites_a_case()
    {
        File.Copy(RepositoryPaths.Resolve("content/_template.md"), Path.Combine(_content, "_template.md"));
        var existing = Path.Combine(_content, "cases", "velo-ecole-quartiers.md");
        var before = File.ReadAllText(existing);

        var (code, _, error) = await Run("new", "Vélo-école : quartiers", "--content", _content);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Equal("content/cases/velo-ecole-quartiers.md existe déjà : rien n'a été écrit. Modifiez ce fichier, ou choisissez un titre qui le distingue.\n", error);
        Assert.Equal(before, File.ReadAllText(existing));
    }

    [Fact]
    public async Task New_writes_a_title_holding_dollar_signs_as_typed()
    {
        File.Copy(RepositoryPaths.Resolve("content/_template.md"), Path.Combine(_content, "_template.md"));

        var (code, _, _) = await Run("new", "Prix $0 et $1 du vélo solidaire", "--content", _content);

        Assert.Equal(IndexerCommands.Ok, code);
        Assert.Contains("\ntitle: \"Prix $0 et $1 du vélo solidaire\"\n", File.ReadAllText(Path.Combine(_content, "cases", "prix-0-et-1-du-velo-solidaire.md")));
    }

    [Fact]
    public async Task New_refuses_a_title_holding_an_invisible_character_and_writes_nothing()
    {
        File.Copy(RepositoryPaths.Resolve("content/_template.md"), Path.Combine(_content, "_template.md"));
        var before = Directory.GetFiles(Path.Combine(_content, "cases")).Length;

        var (code, _, error) = await Run("new", "Vélo\u0001 solidaire", "--content", _content);

        Assert.Equal(IndexerCommands.BadArguments, code);
        Assert.Equal("Le titre contient un caractère invisible (U+0001) : retapez-le sans ce caractère.\n", error);
        Assert.Equal(before, Directory.GetFiles(Path.Combine(_content, "cases")).Length);
    }

    [Theory]
    [InlineData("Vélo\nsolidaire", "Le titre tient sur une ligne : retapez-le sans retour à la ligne.")]
    [InlineData("Vélo\r\nsolidaire", "Le titre tient sur une ligne : retapez-le sans retour à la ligne.")]
    [InlineData("???", "Le titre « ??? » n'a ni lettre ni chiffre dont faire un nom de fichier : écrivez-le en toutes lettres.")]
    public async Task New_refuses_a_title_it_cannot_write_saying_why_and_writes_nothing(string title, string message)
    {
        // A line break wrote a case whose own title line did not parse; a title of signs only was told to be given.
        File.Copy(RepositoryPaths.Resolve("content/_template.md"), Path.Combine(_content, "_template.md"));
        var before = Directory.GetFiles(Path.Combine(_content, "cases")).Length;

        var (code, _, error) = await Run("new", title, "--content", _content);

        Assert.Equal(IndexerCommands.BadArguments, code);
        Assert.Equal(message + "\n", error);
        Assert.Equal(before, Directory.GetFiles(Path.Combine(_content, "cases")).Length);
    }

    [Theory]
    [InlineData("new")]
    [InlineData("new", "???")]
    [InlineData("new", "un", "deux")]
    [InlineData("validate", "en-trop")]
    public async Task New_needs_exactly_one_title(params string[] args)
    {
        Assert.Equal(IndexerCommands.BadArguments, (await Run(args)).Code);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await IndexerCommands.RunAsync(args, output, error);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    public void Dispose() => _folder.Dispose();
}
