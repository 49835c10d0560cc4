#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace vigil {
namespace {

struct Entry
{
    Settings::Key key;
    const char *path;
    QVariant defaultValue;
};

const Entry &entry(Settings::Key key)
{
    static const Entry entries[] = {
        {Settings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {Settings::Key::WindowState, "window/state", QByteArray()},
        {Settings::Key::LastModule, "window/lastModule", QStringLiteral("overview")},
        {Settings::Key::RecentFiles, "files/recent", QStringList()},
        {Settings::Key::UserName, "user/name", QString()},
        {Settings::Key::ExportFormat, "export/format", QStringLiteral("csv")},
        {Settings::Key::BackupAutomatic, "backup/automatic", true},
        {Settings::Key::BackupFolder, "backup/folder", QString()},
        {Settings::Key::BackupDaily, "backup/daily", 7},
        {Settings::Key::BackupMonthly, "backup/monthly", 12},
    };
    for (const Entry &e : entries) {
        if (e.key == key)
            return e;
    }
    qFatal("Settings: key without an entry");
}

constexpr int maxRecentFiles = 8;

} // namespace

Settings &Settings::instance()
{
    static Settings settings;
    return settings;
}

Settings::Settings()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    m_settings = std::make_unique<QSettings>(QDir(dir).filePath(QStringLiteral("vigil.ini")), QSettings::IniFormat);
}

Settings::~Settings() = default;

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    return m_settings->value(QLatin1String(e.path), e.defaultValue);
}

void Settings::setValue(Key key, const QVariant &value)
{
    const Entry &e = entry(key);
    if (m_settings->value(QLatin1String(e.path), e.defaultValue) == value)
        return;
    m_settings->setValue(QLatin1String(e.path), value);
    emit changed(key);
}

QVariant Settings::moduleState(const QString &moduleId) const
{
    return m_settings->value(QStringLiteral("modules/%1").arg(moduleId));
}

void Settings::setModuleState(const QString &moduleId, const QVariant &state)
{
    if (state.isValid())
        m_settings->setValue(QStringLiteral("modules/%1").arg(moduleId), state);
    else
        m_settings->remove(QStringLiteral("modules/%1").arg(moduleId));
}

QStringList Settings::recentFiles() const
{
    return value(Key::RecentFiles).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    setValue(Key::RecentFiles, files);
}

void Settings::clearRecentFiles()
{
    setValue(Key::RecentFiles, QStringList());
}

void Settings::clear()
{
    m_settings->clear();
    m_settings->sync();
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace vigil
