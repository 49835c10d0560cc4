// The process the crash test kills (tests/cli/test_crash.cpp). It opens a site file and writes
// to it without pause, like an officer's busiest hour compressed: edits of incidents, photos
// attached to them and small imports, each through the same repositories and transactions as the
// window, and the daily backup followed by another process reading the file. Before an operation it prints "begin N KIND ...", after its transaction has committed
// "committed N KIND ..."; the test kills it with SIGKILL at a random moment and then checks that
// every committed operation is in the file, and that the one in flight is there whole or not at all.
//
//   vigil_crash_writer DATABASE FIRST_OPERATION SEED WORK_FOLDER
#include "base/error.h"
#include "import/incidentimport.h"
#include "incidents/incidentrepository.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

#include <cstdio>

namespace {

using namespace vigil;

void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

// Rows an import adds: the test counts them by their external references.
constexpr int importRows = 120;

QString writeImportFile(const QString &folder, qint64 op)
{
    QByteArray csv = "Reference,Occurred,Category,Severity,Location,Description\n";
    for (int row = 0; row < importRows; ++row) {
        csv += QStringLiteral("op-%1-%2,2026-0%3-%4 %5:15,Theft,low,Gate %6,\"Row %2 of import %1, with a comma\"\n")
                   .arg(op)
                   .arg(row)
                   .arg(1 + row % 9)
                   .arg(10 + row % 18)
                   .arg(10 + row % 12)
                   .arg(row % 7)
                   .toUtf8();
    }
    const QString path = QDir(folder).filePath(QStringLiteral("op-%1.csv").arg(op));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
        throw Error(QStringLiteral("cannot write %1").arg(path));
    return path;
}

ImportProfile importProfile()
{
    ImportProfile p;
    p.kind = QStringLiteral("incidents");
    p.columns = {{QStringLiteral("externalReference"), QStringLiteral("Reference")},
        {QStringLiteral("occurredAt"), QStringLiteral("Occurred")}, {QStringLiteral("category"), QStringLiteral("Category")},
        {QStringLiteral("severity"), QStringLiteral("Severity")}, {QStringLiteral("location"), QStringLiteral("Location")},
        {QStringLiteral("description"), QStringLiteral("Description")}};
    return p;
}

qint64 anyIncident(Database &db, QRandomGenerator &random)
{
    const qint64 count = scalar(db, QStringLiteral("SELECT max(id) FROM incidents")).toLongLong();
    return 1 + random.bounded(int(count));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: vigil_crash_writer DATABASE FIRST_OPERATION SEED WORK_FOLDER\n");
        return 2;
    }
    try {
        const std::unique_ptr<Database> db = Database::open(args.at(1));
        db->setActor(QStringLiteral("crash-writer"));
        IncidentRepository incidents(*db);
        QRandomGenerator random(args.at(3).toUInt());
        say(QStringLiteral("ready"));
        for (qint64 op = args.at(2).toLongLong();; ++op) {
            const quint32 kind = random.bounded(11u);
            if (kind < 5) {
                // An edit: the incident's title names the operation.
                const qint64 id = anyIncident(*db, random);
                Incident incident = incidents.load(id);
                incident.title = QStringLiteral("Edited by operation %1").arg(op);
                incident.description += QStringLiteral(" Seen again (%1).").arg(op);
                say(QStringLiteral("begin %1 edit %2").arg(op).arg(id));
                incidents.save(incident, QStringLiteral("crash operation %1").arg(op));
                say(QStringLiteral("committed %1 edit %2").arg(op).arg(id));
            } else if (kind < 8) {
                // A photo or document, 4 to 256 KiB (many pages), unlike any other.
                const qint64 id = anyIncident(*db, random);
                QByteArray bytes(4 * 1024 + int(random.bounded(252u * 1024)), Qt::Uninitialized);
                random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
                bytes.replace(0, 16, QByteArray::number(op).leftJustified(16, ' '));
                const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
                say(QStringLiteral("begin %1 attach %2 %3").arg(op).arg(id).arg(sha));
                incidents.addAttachment(id, QStringLiteral("op-%1.bin").arg(op), bytes);
                say(QStringLiteral("committed %1 attach %2 %3").arg(op).arg(id).arg(sha));
            } else if (kind == 9) {
                // The window's daily backup, then another process reading the file (a sqlite3 or
                // a `vigil export`). The backup must leave this process's locks in place: without
                // them the reader, closing last, deletes the -wal that later commits go to, and
                // the kill then loses them.
                const QString copy = QDir(args.at(4)).filePath(QStringLiteral("backup-%1.vigil").arg(op));
                say(QStringLiteral("begin %1 backup 0").arg(op));
                writeBackup(db->path(), copy);
                QFile::remove(copy);
                QProcess reader;
                reader.start(QStringLiteral("sqlite3"), {db->path(), QStringLiteral("SELECT count(*) FROM incidents;")});
                if (!reader.waitForFinished(30000) || reader.exitCode() != 0)
                    throw Error(QStringLiteral("sqlite3 could not read the file: %1")
                                    .arg(QString::fromLocal8Bit(reader.readAllStandardError())));
                say(QStringLiteral("committed %1 backup 0").arg(op));
            } else {
                // An import of a small file, which lands whole or not at all.
                const SourceTable table = readCsvFile(writeImportFile(args.at(4), op));
                say(QStringLiteral("begin %1 import %2").arg(op).arg(importRows));
                const ImportSummary summary = importIncidents(*db, table, importProfile());
                if (!summary.written || summary.imported != importRows)
                    throw Error(QStringLiteral("import %1 wrote %2 of %3 rows").arg(op).arg(summary.imported).arg(importRows));
                say(QStringLiteral("committed %1 import %2").arg(op).arg(importRows));
            }
        }
    } catch (const Error &e) {
        std::fprintf(stderr, "vigil_crash_writer: %s\n", qPrintable(e.message()));
        return 1;
    }
}
