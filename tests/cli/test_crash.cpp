// Crash safety: Vigil is killed with SIGKILL, at random moments, while it writes, 200 times, on
// one site file that grows with every round. After each kill the file must open, pass SQLite's
// integrity check, verify its audit trail's hash chain, and hold every change the killed process
// had reported as committed; the change in flight is there whole or not at all. Every tenth
// round also runs the whole health check (records against the audit trail). Two writers are killed: vigil_crash_writer (edits, attachments, small
// imports through the repositories, tests/crash/crashwriter.cpp) and the real `vigil import`.
#include "cli/clitestsupport.h"

#include "incidents/incidentrepository.h"
#include "storage/attachments.h"
#include "storage/auditchain.h"
#include "storage/database.h"
#include "storage/healthcheck.h"
#include "storage/query.h"
#include "core/incidenttestsupport.h"

#include <QDir>
#include <QHash>
#include <QRandomGenerator>

namespace vigil::test {
namespace {

struct Operation
{
    qint64 number = 0;
    QString kind; // edit, attach, import, backup (then another process reads the file)
    qint64 incident = 0;
    QString detail; // the attachment's SHA-256, the import's row count
};

Operation parseOperation(const QString &line)
{
    const QStringList words = line.split(u' ');
    REQUIRE(words.size() >= 4);
    Operation op;
    op.number = words.at(1).toLongLong();
    op.kind = words.at(2);
    op.incident = op.kind == QLatin1String("import") ? 0 : words.at(3).toLongLong();
    op.detail = words.value(op.kind == QLatin1String("import") ? 3 : 4);
    return op;
}

// Rows of each command-line import: over 1,000, so it takes the bulk path (indexes rebuilt at the end).
constexpr int cliRows = 1200;

// What the killed processes reported, kept across rounds.
struct Ledger
{
    QHash<qint64, qint64> lastEdit; // incident id -> number of the last committed edit
    QList<Operation> attachments;
    QList<Operation> imports;
    qint64 nextOperation = 1;
    qint64 auditHead = 0; // the newest audit entry the last check found
    int cliImports = 0;
    int backups = 0;

    void commit(const Operation &op)
    {
        if (op.kind == QLatin1String("edit"))
            lastEdit[op.incident] = op.number;
        else if (op.kind == QLatin1String("attach"))
            attachments.append(op);
        else if (op.kind == QLatin1String("backup"))
            ++backups;
        else
            imports.append(op);
    }
};

int countImported(Database &db, const QString &prefix)
{
    // GLOB, not LIKE: case-sensitive, so it reads the external-reference index instead of every row.
    return scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE external_reference GLOB ?"), {prefix + u'*'})
        .toInt();
}

bool attachmentThere(Database &db, const Operation &op)
{
    for (const IncidentAttachment &a : IncidentRepository(db).attachments(op.incident)) {
        if (a.fileName == QStringLiteral("op-%1.bin").arg(op.number))
            return AttachmentStore(db).info(a.attachmentId).sha256 == op.detail;
    }
    return false;
}

// Is the operation's change in the file? For an import: all of it (true), none (false), and a
// part fails the test.
bool present(Database &db, const Operation &op)
{
    if (op.kind == QLatin1String("edit"))
        return IncidentRepository(db).load(op.incident).title == QStringLiteral("Edited by operation %1").arg(op.number);
    if (op.kind == QLatin1String("attach"))
        return attachmentThere(db, op);
    if (op.kind == QLatin1String("backup"))
        return false; // it changes nothing in the file
    const int rows = countImported(db, QStringLiteral("op-%1-").arg(op.number));
    INFO("import " << op.number << " landed " << rows << " of " << op.detail.toStdString() << " rows");
    REQUIRE((rows == 0 || rows == op.detail.toInt()));
    return rows > 0;
}

// The checks after every kill: the file opens as the window would open it (the dead process's
// lock is stale), is sound, its audit chain verifies, and it holds everything reported. Every tenth time, and at the end,
// also the whole of `vigil check` (every record against its audit trail), which takes longer.
void verifyAfterKill(const QString &path, Ledger &ledger, const std::optional<Operation> &inFlight, bool fully)
{
    const std::unique_ptr<Database> db = Database::open(path);
    REQUIRE(scalar(*db, QStringLiteral("PRAGMA integrity_check")).toString() == QLatin1String("ok"));
    // The audit trail's hash chain holds, and no entry the last check saw has gone.
    const AuditChainResult chain = verifyAuditChain(*db);
    INFO(chain.problem.toStdString());
    REQUIRE(chain.intact());
    CHECK(chain.headId >= ledger.auditHead);
    ledger.auditHead = chain.headId;
    if (fully)
        requireHealthy(*db);
    if (inFlight && present(*db, *inFlight))
        ledger.commit(*inFlight); // it committed just before the kill, before it could say so
    for (auto it = ledger.lastEdit.cbegin(); it != ledger.lastEdit.cend(); ++it) {
        INFO("incident " << it.key() << ", last committed edit " << it.value());
        CHECK(IncidentRepository(*db).load(it.key()).title == QStringLiteral("Edited by operation %1").arg(it.value()));
    }
    for (const Operation &op : std::as_const(ledger.attachments)) {
        INFO("attachment of operation " << op.number);
        CHECK(attachmentThere(*db, op));
    }
    for (const Operation &op : std::as_const(ledger.imports)) {
        INFO("import of operation " << op.number);
        CHECK(present(*db, op));
    }
    for (int i = 0; i < ledger.cliImports; ++i) {
        const int rows = countImported(*db, QStringLiteral("cli-%1-").arg(i));
        INFO("command-line import " << i << " landed " << rows << " of " << cliRows << " rows");
        CHECK((rows == 0 || rows == cliRows)); // killed before its commit, or whole
    }
}

// One round of the repositories' writer: runs for up to `window` ms of writing, then is killed.
void killWriter(const TempDir &dir, const QString &path, Ledger &ledger, QRandomGenerator &random, bool fully)
{
    QProcess writer;
    writer.start(QStringLiteral(VIGIL_CRASH_WRITER),
        {path, QString::number(ledger.nextOperation), QString::number(random.generate()), dir.root()});
    REQUIRE(writer.waitForStarted(10000));
    // Wait until it has the file open, then let it write for a random while.
    while (!writer.canReadLine())
        REQUIRE(writer.waitForReadyRead(20000));
    REQUIRE(writer.readLine().trimmed() == "ready");
    writer.waitForFinished(int(random.bounded(20, 400)));
    REQUIRE(writer.state() == QProcess::Running); // it writes until it is killed
    writer.kill(); // SIGKILL
    REQUIRE(writer.waitForFinished(10000));

    std::optional<Operation> inFlight;
    QByteArray output = writer.readAllStandardOutput();
    output.truncate(output.lastIndexOf('\n') + 1); // a line cut off by the kill was never said
    const QStringList lines = QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const Operation op = parseOperation(line);
        if (line.startsWith(QLatin1String("begin"))) {
            inFlight = op;
        } else if (line.startsWith(QLatin1String("committed"))) {
            REQUIRE((inFlight && inFlight->number == op.number));
            ledger.commit(op);
            inFlight.reset();
        }
        ledger.nextOperation = op.number + 1;
    }
    verifyAfterKill(path, ledger, inFlight, fully);
}

// One round of the real program: `vigil import` of 1,200 rows, killed at a random moment
// (or finished first, in which case everything must be there).
void killImport(const TempDir &dir, const QString &path, Ledger &ledger, QRandomGenerator &random, bool fully)
{
    const int number = ledger.cliImports++;
    QByteArray csv = "Reference,Occurred,Category,Severity,Description\n";
    for (int row = 0; row < cliRows; ++row)
        csv += QStringLiteral("cli-%1-%2,2026-02-%3 08:00,Theft,medium,Row %2 of command-line import %1\n")
                   .arg(number)
                   .arg(row)
                   .arg(10 + row % 18)
                   .toUtf8();
    const QString file = dir.path(QStringLiteral("cli-%1.csv").arg(number));
    writeFile(file, csv);
    QProcess importer;
    importer.start(QStringLiteral(VIGIL_BINARY),
        {QStringLiteral("import"), QStringLiteral("--database"), path, QStringLiteral("--kind"), QStringLiteral("incidents"),
            QStringLiteral("--profile"), QStringLiteral(VIGIL_TEST_DATA_DIR "/crash-import-profile.json"), file});
    REQUIRE(importer.waitForStarted(10000));
    const bool finished = importer.waitForFinished(int(random.bounded(50, 1500)));
    if (!finished) {
        importer.kill();
        REQUIRE(importer.waitForFinished(10000));
    }
    const bool reported = finished && importer.exitStatus() == QProcess::NormalExit && importer.exitCode() == 0;
    INFO("vigil import " << number << (reported ? " finished: " : " killed: ")
                         << importer.readAllStandardError().toStdString());
    if (finished)
        REQUIRE(reported);
    verifyAfterKill(path, ledger, std::nullopt, fully);
    if (reported) {
        const std::unique_ptr<Database> db = Database::open(path);
        CHECK(countImported(*db, QStringLiteral("cli-%1-").arg(number)) == cliRows);
    }
}

} // namespace

TEST_CASE("Killed at random while writing, 200 times, Vigil loses nothing it reported as saved", "[crash]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    {
        const std::unique_ptr<Database> db = newDatabase(dir);
        for (int i = 0; i < 20; ++i)
            IncidentRepository(*db).create(makeIncident(*db, QStringLiteral("Incident %1 before the crashes").arg(i)));
    }
    // A fixed seed replays a failure: VIGIL_CRASH_SEED=N.
    const quint32 seed = qEnvironmentVariableIsSet("VIGIL_CRASH_SEED") ? qEnvironmentVariableIntValue("VIGIL_CRASH_SEED")
                                                                       : QRandomGenerator::global()->generate();
    UNSCOPED_INFO("VIGIL_CRASH_SEED=" << seed);
    QRandomGenerator random(seed);
    Ledger ledger;
    constexpr int rounds = 200;
    for (int round = 0; round < rounds; ++round) {
        INFO("round " << round);
        const bool fully = round % 10 == 9 || round == rounds - 1;
        if (round % 10 == 4)
            killImport(dir, path, ledger, random, fully);
        else
            killWriter(dir, path, ledger, random, fully);
    }
    // The rounds did write: edits, attachments and imports all landed many times.
    CHECK(ledger.lastEdit.size() > 10);
    CHECK(ledger.attachments.size() > 50);
    CHECK(ledger.imports.size() > 20);
    CHECK(ledger.backups > 5); // each one starts a sqlite3: fewer land, under the sanitizers 19 in 200 rounds
}

} // namespace vigil::test
