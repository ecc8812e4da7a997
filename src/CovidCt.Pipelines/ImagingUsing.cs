// The imaging core's kernels and protocol constants are used across the pipeline's folders (including ones other
// changes own), so its namespace is imported once for the whole assembly.
global using CovidCt.Imaging;
