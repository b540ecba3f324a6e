package mrs.ddl;

/** Where a token or statement starts in a DDL file (1-based line and column). */
record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
