#pragma once

#include <QObject>
#include <QVariant>

#include <memory>

class QSettings;

namespace vigil {

// Typed user settings with their defaults in one table (settings.cpp), stored in an INI file
// under the user's configuration folder.
class Settings : public QObject
{
    Q_OBJECT

public:
    enum class Key {
        WindowGeometry,
        WindowState,
        LastModule,
        RecentFiles,
        UserName,
        ExportFormat, // "csv" or "xlsx": what the Export dialog offers first
        BackupAutomatic, // a backup on the first start of each day
        BackupFolder,    // empty: "backups" beside the site file; relative: from the site file's folder
        BackupDaily,     // automatic backups kept: the last this many days ...
        BackupMonthly,   // ... and the first backup of this many months
    };

    static Settings &instance();
    ~Settings() override;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    QVariant moduleState(const QString &moduleId) const;
    void setModuleState(const QString &moduleId, const QVariant &state);

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void clearRecentFiles();

    // Forgets every setting (tests start from defaults with it).
    void clear();
    QString fileName() const;
    void sync();

signals:
    void changed(vigil::Settings::Key key);

private:
    Settings();
    std::unique_ptr<QSettings> m_settings;
};

} // namespace vigil
