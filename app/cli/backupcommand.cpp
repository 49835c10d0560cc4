#include "cli.h"

#include "base/error.h"
#include "base/translations.h"
#include "storage/backup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <cstdio>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

const char *passphraseVariable = "VIGIL_BACKUP_PASSPHRASE";

void addPassphraseOption(QCommandLineParser &parser, const QString &help)
{
    parser.addOption({QStringLiteral("passphrase-file"), help, QStringLiteral("FILE")});
}

// The passphrase from --passphrase-file (its first line) or the environment; never from the
// command line itself, where other users of the computer can read it. Empty: none given.
bool readPassphrase(const QCommandLineParser &parser, const QString &command, QByteArray *passphrase, int *code)
{
    passphrase->clear();
    if (parser.isSet(QStringLiteral("passphrase-file"))) {
        const QString path = parser.value(QStringLiteral("passphrase-file"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *code = fail(command, Text::tr("the passphrase file '%1' cannot be read: %2").arg(path, file.errorString()),
                UsageError);
            return false;
        }
        QByteArray text = file.readLine();
        while (text.endsWith('\n') || text.endsWith('\r'))
            text.chop(1);
        if (text.isEmpty()) {
            *code = fail(command, Text::tr("the passphrase file '%1' is empty.").arg(path), UsageError);
            return false;
        }
        *passphrase = text;
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            std::fprintf(stderr, "%s\n",
                qPrintable(Text::tr("vigil %1: warning: the passphrase file '%2' can be read by other users; "
                                    "make it yours only (chmod 600).")
                               .arg(command, path)));
        return true;
    }
    *passphrase = qgetenv(passphraseVariable);
    return true;
}

QString formatTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : Text::tr("unknown");
}

} // namespace

int runBackup(int argc, char *argv[])
{
    quietQtMessages();
    QCoreApplication app(argc, argv);
    installTranslations(app);
    const QString command = QStringLiteral("backup");
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Writes a consistent copy of a site file, also while it is open and in use in Vigil, checks the copy (SQLite's "
        "integrity check) and only then puts it in place, readable by you only. With a passphrase (from a file or "
        "the environment variable %1) the copy is encrypted.")
                                         .arg(QLatin1String(passphraseVariable)));
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to back up."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"), Text::tr("The backup file to write (must not exist yet)."),
        QStringLiteral("FILE")});
    addPassphraseOption(parser, Text::tr("Encrypt the backup with the passphrase on the first line of this file."));
    int code = Success;
    if (!parse(parser, command, arguments(argc, argv, 1), {QStringLiteral("database"), QStringLiteral("out")}, &code))
        return code;
    QByteArray passphrase;
    if (!readPassphrase(parser, command, &passphrase, &code))
        return code;
    const QString out = parser.value(QStringLiteral("out"));
    BackupOptions options;
    options.passphrase = passphrase;
    try {
        writeBackup(parser.value(QStringLiteral("database")), out, options);
    } catch (const Error &e) {
        return fail(command, e.message(), Failure);
    }
    printOut((passphrase.isEmpty() ? Text::tr("Backed up to %1 (%2), checked.")
                                   : Text::tr("Backed up to %1 (%2, encrypted), checked."))
                 .arg(QDir::toNativeSeparators(QFileInfo(out).absoluteFilePath()),
                     QLocale().formattedDataSize(QFileInfo(out).size())));
    return Success;
}

int runRestore(int argc, char *argv[])
{
    quietQtMessages();
    QCoreApplication app(argc, argv);
    installTranslations(app);
    const QString command = QStringLiteral("restore");
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Restores a site file from a backup. The backup is checked first (and decrypted with its passphrase, from a "
        "file or the environment variable %1), what it holds is printed, and the current file is kept aside under "
        "a name that is printed too. Refused while the file is open in Vigil.")
                                         .arg(QLatin1String(passphraseVariable)));
    parser.addOption({QStringLiteral("from"), Text::tr("The backup to restore."), QStringLiteral("BACKUP")});
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to restore into."), QStringLiteral("FILE")});
    addPassphraseOption(parser, Text::tr("The passphrase of an encrypted backup, on the first line of this file."));
    parser.addOption({QStringLiteral("dry-run"), Text::tr("Check the backup and print what it holds; restore nothing.")});
    int code = Success;
    if (!parse(parser, command, arguments(argc, argv, 1), {QStringLiteral("from"), QStringLiteral("database")}, &code))
        return code;
    QByteArray passphrase;
    if (!readPassphrase(parser, command, &passphrase, &code))
        return code;
    const QString from = parser.value(QStringLiteral("from"));
    const QString database = parser.value(QStringLiteral("database"));
    if (isEncryptedBackup(from) && passphrase.isEmpty())
        return fail(command,
            Text::tr("'%1' is encrypted; give its passphrase with --passphrase-file FILE or %2.")
                .arg(QFileInfo(from).fileName(), QLatin1String(passphraseVariable)),
            UsageError);
    StagedRestore staged;
    QString aside;
    try {
        staged = stageRestore(from, database, passphrase);
        if (!parser.isSet(QStringLiteral("dry-run")))
            aside = completeRestore(staged);
    } catch (const Error &e) {
        discardRestore(staged);
        return fail(command, e.message(), Failure);
    }
    discardRestore(staged); // after a dry run; a restored one is no longer there
    const BackupFacts &f = staged.facts;
    QStringList lines;
    lines.append(Text::tr("Backup:             %1%2")
                     .arg(QDir::toNativeSeparators(QFileInfo(from).absoluteFilePath()),
                         f.encrypted ? Text::tr(" (encrypted)") : QString()));
    lines.append(Text::tr("Taken:              %1").arg(formatTime(f.takenAt)));
    lines.append(Text::tr("Last change:        %1").arg(formatTime(f.lastChange)));
    lines.append(Text::tr("Site:               %1").arg(f.siteName.isEmpty() ? Text::tr("(no site profile)") : f.siteName));
    lines.append(Text::tr("File format:        %1").arg(f.format));
    lines.append(Text::tr("Incidents:          %1").arg(f.incidents));
    lines.append(Text::tr("Risks:              %1").arg(f.risks));
    lines.append(Text::tr("People:             %1").arg(f.people));
    lines.append(Text::tr("Training records:   %1").arg(f.trainingRecords));
    lines.append(Text::tr("Corrective actions: %1").arg(f.correctiveActions));
    if (f.alteredAttachments.isEmpty())
        lines.append(Text::tr("Attachments:        %1, each matching its SHA-256").arg(f.attachments));
    else
        lines.append(Text::tr("Attachments:        %1; %n do not match their SHA-256 (changed or damaged): %2", nullptr,
            int(f.alteredAttachments.size()))
                         .arg(f.attachments)
                         .arg(f.alteredAttachments.join(QStringLiteral(", "))));
    const QString target = QDir::toNativeSeparators(QFileInfo(database).absoluteFilePath());
    if (parser.isSet(QStringLiteral("dry-run")))
        lines.append(Text::tr("Dry run: %1 was not changed.").arg(target));
    else if (aside.isEmpty())
        lines.append(Text::tr("Restored to %1.").arg(target));
    else
        lines.append(Text::tr("Restored to %1; the file it replaced is kept as %2.")
                         .arg(target, QDir::toNativeSeparators(aside)));
    printOut(lines.join(u'\n'));
    return Success;
}

} // namespace vigil::cli
