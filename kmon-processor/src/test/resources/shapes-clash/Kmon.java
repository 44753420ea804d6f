package clash;

/** Named like io.kmon.Kmon. */
public record Kmon(long millis) {}
