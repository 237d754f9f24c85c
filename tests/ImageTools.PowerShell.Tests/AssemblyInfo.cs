// The module keeps its connection per process (EngineSession), and every test class shares one
// emulator: the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
