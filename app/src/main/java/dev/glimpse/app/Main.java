package dev.glimpse.app;

/** Entry point of the glimpse command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("glimpse");
    }
}
