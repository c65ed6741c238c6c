using KMN.Orleans.Import;

// Bulk loader. "demo ..." generates the demo network's clinical history and uploads it facility by facility
// (DemoOptions.Usage); anything else uploads a folder of FHIR R4 bundles (ImportOptions.Usage).
// Exit code 0 when everything uploaded, 1 when something failed, 2 for bad arguments.
return args.Length > 0 && args[0] == "demo"
    ? await DemoCommand.RunAsync(args[1..])
    : await FolderCommand.RunAsync(args);
