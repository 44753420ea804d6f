package clash;

/** Named like java.lang.System. */
public record System(String name) {}
