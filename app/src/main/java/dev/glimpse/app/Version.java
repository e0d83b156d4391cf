package dev.glimpse.app;

import picocli.CommandLine.IVersionProvider;

/** The version string, from the jar manifest when packaged. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"glimpse " + (v == null ? "(development build)" : v)};
    }
}
