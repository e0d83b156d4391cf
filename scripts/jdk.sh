# Sourced by ./glimpse and ./test.sh: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME first, then the newest under
# /usr/lib/jvm, then the java on PATH) and JAVA_MAJOR to its feature version. Fails with one line otherwise.
glimpse_java_major() {
    # A JDK's release file names its version; reading it is instant, whereas starting each candidate JVM costs a
    # few hundred milliseconds. JDK 8's "1.8.0" yields 1, which is rejected like any version below 21.
    local major=""
    [ -f "$1/release" ] && major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n1)
    if [ -z "$major" ]; then
        major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
    fi
    echo "$major"
}

glimpse_find_jdk() {
    local candidates=() dir major best="" best_major=0
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for dir in /usr/lib/jvm/*; do [ -d "$dir" ] && candidates+=("$dir"); done
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    for dir in "${candidates[@]}"; do
        [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
        major=$(glimpse_java_major "$dir")
        [[ "$major" =~ ^[0-9]+$ ]] || continue
        # JAVA_HOME wins when it is new enough; otherwise the newest JDK found.
        if [ "$dir" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$dir; best_major=$major; break; fi
        if [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
    done
    if [ -z "$best" ] || [ "$best_major" -lt 21 ]; then
        echo "glimpse: no JDK 21 or newer found (set JAVA_HOME; looked in JAVA_HOME, /usr/lib/jvm and PATH)" >&2
        return 1
    fi
    export JAVA_HOME="$best" JAVA_MAJOR="$best_major"
}
