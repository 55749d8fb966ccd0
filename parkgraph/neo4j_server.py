"""The bundled Neo4j server for development and CI: build it, run it in the background, stop it.

Neo4j Community comes from Maven Central as `neo4j/pom.xml` (package data beside this file) describes.
The first start has Maven resolve it into its local repository (~/.m2, or `-Dmaven.repo.local` in
`MAVEN_OPTS`) and compiles the small launcher with javac; the classpath and the class are cached in
the server folder and reused until the pom or the launcher change. The server folder (default
`$XDG_DATA_HOME/parkgraph/neo4j`, `PARKGRAPH_NEO4J_HOME`) holds the data, Neo4j's logs, the pid
file and `server.log`, what the server process printed.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from parkgraph.config import Settings
from parkgraph.graph.exports import NODE_FILES, RELATIONSHIP_FILES, import_arguments

SOURCES = Path(__file__).with_name("neo4j")
LAUNCHER_CLASS = "org.parkgraph.Launcher"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
"""`neo4j-admin`'s commands (`database import full` among them), on the launcher's classpath."""
LAUNCHER_SOURCE = SOURCES / "src" / "main" / "java" / "org" / "parkgraph" / "Launcher.java"
LOOPBACK = "127.0.0.1"
DEFAULT_BOLT_PORT = 7687
MIN_JAVA = 17
MIN_PASSWORD = 8  # Neo4j's own minimum (dbms.security.auth_minimum_password_length)

# Heap capped for a 2-core, 24 GiB machine (the launcher caps the page cache at 512m); the opens
# are those Neo4j's own start script passes on Java 17.
JVM_OPTIONS = (
    "-Xms1g",
    "-Xmx1g",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)


class ServerError(Exception):
    """Why the bundled server could not be built, started, reached or stopped, in one line."""


@dataclass(frozen=True)
class ServerStatus:
    """Whether the bundled server runs, where it answers, and what the last action did (`note`)."""

    running: bool
    pid: int | None
    home: Path
    bolt_uri: str
    browser_url: str
    note: str = ""


def start(settings: Settings, wait: float = 120) -> ServerStatus:
    """Start the server in the background; return once Bolt accepts the password and HTTP listens.

    A no-op when it already runs. The first start builds (Maven resolves Neo4j, javac compiles the
    launcher); the first start of a new server folder also sets user neo4j's password from
    NEO4J_PASSWORD. If the server dies, refuses the password or does not answer within `wait`
    seconds, it is stopped and ServerError says why, with the last lines of its log.
    """
    began = time.monotonic()
    current = status(settings)
    if current.running:
        return replace(current, note="already running")
    password = _password(settings)
    bolt_port = _bolt_port(settings)
    for name, port in (("Bolt", bolt_port), ("HTTP", settings.neo4j_http_port)):
        if port_in_use(LOOPBACK, port):
            raise ServerError(
                f"port {port} ({name}) on {LOOPBACK} is in use by another program; stop it, or give the "
                f"bundled server another port (NEO4J_URI for Bolt, PARKGRAPH_NEO4J_HTTP_PORT for HTTP)"
            )
    java = _java()
    home = _home(settings)
    classpath = build(home)
    command = [
        java,
        *JVM_OPTIONS,
        "-cp",
        classpath,
        LAUNCHER_CLASS,
        str(home),
        f"{LOOPBACK}:{bolt_port}",
        f"{LOOPBACK}:{settings.neo4j_http_port}",
    ]
    with _log_file(home).open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NEO4J_PASSWORD": password},
            start_new_session=True,
        )
    _pid_file(home).write_text(f"{process.pid}\n")
    try:
        _wait_until_answering(settings, process, wait)
    except ServerError:
        _end(process.pid, home, wait=30)
        process.wait()
        _pid_file(home).unlink(missing_ok=True)
        raise
    return replace(status(settings), note=f"started in {time.monotonic() - began:.0f} s")


@contextmanager
def throwaway_server(wait: float = 120) -> Iterator[Settings]:
    """A new server in a new temporary folder, on free loopback ports with a random password; stopped
    and deleted on exit. Tests and benchmarks that empty their database run on one of these, so they
    never touch a server they did not start, whatever NEO4J_URI names."""
    home = Path(tempfile.mkdtemp(prefix="parkgraph-neo4j-"))
    settings = Settings(
        store="neo4j",
        neo4j_home=home,
        neo4j_http_port=_free_port(),
        NEO4J_URI=f"bolt://{LOOPBACK}:{_free_port()}",
        NEO4J_USER="neo4j",
        NEO4J_PASSWORD=secrets.token_urlsafe(16),
        NEO4J_DATABASE="neo4j",
    )
    try:
        start(settings, wait)
        yield settings
    finally:
        stop(settings)
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def throwaway_driver(wait: float = 120) -> Iterator[tuple[Settings, Driver]]:
    """A `throwaway_server` and a driver connected to it, both closed on exit: what a benchmark that
    loads and empties a database needs."""
    with (
        throwaway_server(wait) as settings,
        GraphDatabase.driver(
            settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
        ) as driver,
    ):
        yield settings, driver


def import_csv(settings: Settings, archive: Path, replace: bool = False, wait: float = 120) -> str:
    """Replace the graph of NEO4J_DATABASE by a CSV export's (`parkgraph export --format csv`), with
    `neo4j-admin database import full`; return the importer's summary.

    The server is stopped for the import and started again (also when it was not running). Without
    `replace`, a database that holds nodes, or that may (the server is stopped and has the database
    folder), is left alone and ServerError says so; so is any server when the zip is not an export. If
    the importer fails, the server stays stopped and the database may be empty. The Neo4j store fills
    in what the importer cannot write and creates its schema when it first opens the database
    (`parkgraph.graph.exports`).
    """
    home = _home(settings)
    database = settings.neo4j_database
    if not replace:
        _check_replaceable(settings, home / "data" / "databases" / database)
    java = _java()
    classpath = build(home)
    with tempfile.TemporaryDirectory(prefix="import-", dir=home) as folder:
        _unpack(archive, Path(folder))
        stop(settings)
        command = [java, *JVM_OPTIONS, "-cp", classpath, ADMIN_CLASS, "database", "import", "full"]
        log = home / "import.log"
        with log.open("wb") as output:
            done = subprocess.run(
                [*command, database, *import_arguments(folder)],
                cwd=home,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
                check=False,
            )
    text = log.read_text(errors="replace")
    if done.returncode != 0:
        raise ServerError(
            f"the import failed (status {done.returncode}); the last lines of {log}:\n{_last_lines(text)}"
        )
    start(settings, wait)
    summary = text[text.rfind("IMPORT DONE") :] if "IMPORT DONE" in text else text
    return " ".join(summary.split())


def _check_replaceable(settings: Settings, folder: Path) -> None:
    """ServerError unless the database is known to hold no node."""
    if not status(settings).running:
        if folder.exists():
            raise ServerError(
                f"the server is stopped and database {settings.neo4j_database!r} exists ({folder}): "
                "it may hold a graph; import with --replace to replace it"
            )
        return
    auth = (settings.neo4j_user, settings.neo4j_password)
    try:
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
            query = "MATCH (n) RETURN count(n) AS count"
            [record] = driver.execute_query(query, database_=settings.neo4j_database).records
    except (DriverError, Neo4jError) as exc:
        raise ServerError(f"cannot tell whether Neo4j at {settings.neo4j_uri} holds a graph: {exc}") from None
    if record["count"]:
        raise ServerError(
            f"database {settings.neo4j_database!r} holds {record['count']} nodes; "
            "import with --replace to replace them"
        )


def _unpack(archive: Path, folder: Path) -> None:
    """The export's files, by their known names only (a member's own path is never used)."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            names = set(zipped.namelist())
            missing = [name for name in (*NODE_FILES, *RELATIONSHIP_FILES) if name not in names]
            if missing:
                raise ServerError(
                    f"{archive} is not a parkgraph CSV export (`parkgraph export --format csv`): "
                    f"it lacks {', '.join(missing)}"
                )
            for name in (*NODE_FILES, *RELATIONSHIP_FILES):
                (folder / name).write_bytes(zipped.read(name))
    except (OSError, zipfile.BadZipFile) as exc:
        raise ServerError(f"cannot read {archive}: {exc}") from None


def stop(settings: Settings, wait: float = 60) -> ServerStatus:
    """Stop the server with SIGTERM (a clean shutdown); SIGKILL it if it has not ended after `wait` s."""
    current = status(settings)
    if not current.running or current.pid is None:
        return replace(current, note="not running")
    clean = _end(current.pid, current.home, wait)
    _pid_file(current.home).unlink(missing_ok=True)
    note = (
        "stopped"
        if clean
        else f"did not stop within {wait:g} s of SIGTERM, so it was killed; Neo4j recovers at the next start"
    )
    return replace(current, running=False, pid=None, note=note)


def status(settings: Settings) -> ServerStatus:
    """Whether the server of this folder runs: its pid file names a live launcher of this folder."""
    home = _home(settings)
    pid = _read_pid(_pid_file(home))
    if pid is not None and not _is_server(pid, home):
        pid = None
    bolt_port = _uri_port(settings.neo4j_uri)
    return ServerStatus(
        running=pid is not None,
        pid=pid,
        home=home,
        bolt_uri=f"bolt://{LOOPBACK}:{bolt_port}",
        browser_url=f"http://{LOOPBACK}:{settings.neo4j_http_port}/browser/",
    )


def verify(settings: Settings, timeout: float = 5) -> None:
    """Raise ServerError unless a Neo4j at NEO4J_URI accepts NEO4J_USER with NEO4J_PASSWORD."""
    if not settings.neo4j_password:
        raise ServerError(_NO_PASSWORD)
    try:
        _connect(settings, timeout)
    except AuthError:
        raise ServerError(_refused(settings)) from None
    except (DriverError, Neo4jError, OSError, ValueError) as exc:
        raise ServerError(f"no Neo4j answers at {settings.neo4j_uri}: {exc}") from None


def port_in_use(host: str, port: int) -> bool:
    """Whether a program listens on host:port (binding with SO_REUSEADDR fails only then)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def build(home: Path) -> str:
    """The launcher's classpath: cached in `home/build` while the pom and the launcher are unchanged."""
    folder = home / "build"
    classes = folder / "classes"
    classpath_file = folder / "classpath.txt"
    stamp_file = folder / "stamp"
    stamp = hashlib.sha256((SOURCES / "pom.xml").read_bytes() + LAUNCHER_SOURCE.read_bytes()).hexdigest()
    if _cached(stamp_file, stamp, classpath_file, classes):
        return f"{classes}{os.pathsep}{classpath_file.read_text().strip()}"
    mvn = _tool("mvn", "the first start resolves Neo4j with Maven (Debian: apt-get install maven)")
    javac = _tool(
        "javac", "a JDK, not only a Java runtime, compiles the launcher (Debian: default-jdk-headless)"
    )
    folder.mkdir(parents=True, exist_ok=True)
    stamp_file.unlink(missing_ok=True)
    _run(
        [
            mvn,
            "-B",
            "-q",
            "-Dstyle.color=never",
            "-f",
            str(SOURCES / "pom.xml"),
            "dependency:build-classpath",
            "-Dmdep.includeScope=runtime",
            f"-Dmdep.outputFile={classpath_file}",
        ],
        "Maven could not resolve Neo4j from Maven Central",
    )
    dependencies = classpath_file.read_text().strip()
    shutil.rmtree(classes, ignore_errors=True)
    _run(
        [javac, "--release", str(MIN_JAVA), "-cp", dependencies, "-d", str(classes), str(LAUNCHER_SOURCE)],
        "javac could not compile the Neo4j launcher",
    )
    stamp_file.write_text(stamp)
    return f"{classes}{os.pathsep}{dependencies}"


_NO_PASSWORD = "NEO4J_PASSWORD is not set: it is the password of Neo4j user neo4j (export NEO4J_PASSWORD=...)"


def _refused(settings: Settings) -> str:
    return (
        f"Neo4j at {settings.neo4j_uri} refuses user {settings.neo4j_user} with NEO4J_PASSWORD "
        f"(the bundled server keeps the password of its first start; to start afresh, losing its graph, "
        f"delete {_home(settings) / 'data'})"
    )


def _password(settings: Settings) -> str:
    password = settings.neo4j_password
    if not password:
        raise ServerError(_NO_PASSWORD)
    if len(password) < MIN_PASSWORD:
        raise ServerError(f"NEO4J_PASSWORD is too short: Neo4j wants at least {MIN_PASSWORD} characters")
    return password


def _home(settings: Settings) -> Path:
    return settings.neo4j_home.expanduser().absolute()


def _uri_port(uri: str) -> int:
    try:
        return urlsplit(uri).port or DEFAULT_BOLT_PORT
    except ValueError:
        raise ServerError(f"NEO4J_URI {uri!r} is not a valid address") from None


def _bolt_port(settings: Settings) -> int:
    """The Bolt port NEO4J_URI names, which must be on this machine for the bundled server."""
    port = _uri_port(settings.neo4j_uri)
    parts = urlsplit(settings.neo4j_uri)
    if parts.scheme not in ("bolt", "neo4j") or parts.hostname not in (LOOPBACK, "localhost"):
        raise ServerError(
            f"NEO4J_URI is {settings.neo4j_uri}, but the bundled server answers at bolt://{LOOPBACK}:PORT; "
            "point NEO4J_URI there, or use your own server without `parkgraph neo4j start`"
        )
    return port


def _tool(name: str, why: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ServerError(f"{name} was not found on PATH: {why}")
    return found


def _java() -> str:
    java = _tool(
        "java", f"Neo4j 5 needs Java {MIN_JAVA} or later (Debian: apt-get install default-jdk-headless)"
    )
    shown = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', shown.stderr + shown.stdout)
    if match is None:
        raise ServerError(f"cannot tell which Java {java} is: {(shown.stderr or shown.stdout).strip()[:200]}")
    major = int(match.group(2) or 0) if match.group(1) == "1" else int(match.group(1))
    if major < MIN_JAVA:
        raise ServerError(f"Neo4j 5 needs Java {MIN_JAVA} or later, and {java} is Java {major}")
    return java


def _cached(stamp_file: Path, stamp: str, classpath_file: Path, classes: Path) -> bool:
    if not stamp_file.is_file() or stamp_file.read_text() != stamp or not classes.is_dir():
        return False
    jars = classpath_file.read_text().strip().split(os.pathsep)
    return all(Path(jar).is_file() for jar in jars)


def _run(command: list[str], failure: str) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired:
        raise ServerError(f"{failure}: no result within 30 minutes") from None
    if done.returncode != 0:
        raise ServerError(f"{failure}:\n{_last_lines(done.stdout + done.stderr)}")


def _wait_until_answering(settings: Settings, process: subprocess.Popen[bytes], wait: float) -> None:
    deadline = time.monotonic() + wait
    log = _log_file(_home(settings))
    while True:
        code = process.poll()
        if code is not None:
            raise ServerError(
                f"Neo4j stopped during start (exit status {code}); the last lines of {log}:\n"
                f"{_last_lines(log.read_text(errors='replace'))}"
            )
        try:
            _connect(settings, timeout=2)
            if _accepts(LOOPBACK, settings.neo4j_http_port):
                return
        except AuthError:
            raise ServerError(_refused(settings)) from None
        except (DriverError, Neo4jError, OSError):
            pass
        if time.monotonic() > deadline:
            raise ServerError(
                f"Neo4j did not answer at {settings.neo4j_uri} and on HTTP port {settings.neo4j_http_port} "
                f"within {wait:g} s, so it was stopped; "
                f"the last lines of {log}:\n{_last_lines(log.read_text(errors='replace'))}"
            )
        time.sleep(0.5)


def _accepts(host: str, port: int) -> bool:
    """Whether host:port takes a connection (HTTP, and so Browser, comes up a moment after Bolt)."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _connect(settings: Settings, timeout: float) -> None:
    auth = (settings.neo4j_user, settings.neo4j_password)
    with GraphDatabase.driver(settings.neo4j_uri, auth=auth, connection_timeout=timeout) as driver:
        driver.verify_connectivity()


def _end(pid: int, home: Path, wait: float) -> bool:
    """SIGTERM, then SIGKILL after `wait` seconds; whether the server ended without the SIGKILL."""
    for sig, patience in ((signal.SIGTERM, wait), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return sig == signal.SIGTERM
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            if not _is_server(pid, home):
                return sig == signal.SIGTERM
            time.sleep(0.2)
    raise ServerError(f"Neo4j (pid {pid}) did not end even after SIGKILL")


def _is_server(pid: int, home: Path) -> bool:
    """A live launcher of this folder (not a zombie, nor another program that got the pid later)."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    if not Path("/proc/self").is_dir():
        return True  # no procfs to tell more: trust the pid file
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return LAUNCHER_CLASS.encode() in words and str(home).encode() in words


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _last_lines(text: str, count: int = 12) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(f"  {line}" for line in lines[-count:]) or "  (nothing)"


def _pid_file(home: Path) -> Path:
    return home / "neo4j.pid"


def _log_file(home: Path) -> Path:
    return home / "server.log"
