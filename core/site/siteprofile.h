#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

class QLocale;

namespace vigil {

class Database;

enum class PaperSize { A4, Letter };
QString paperSizeKey(PaperSize size);
PaperSize paperSizeFromKey(const QString &key);
// Letter where the locale measures in US units (US, Canada's English, ...), A4 everywhere else.
PaperSize defaultPaperSize(const QLocale &locale);

// The site the file belongs to: its name on every report, its address and logo on the cover.
struct SiteProfile
{
    QString uuid;
    QString name;
    QString address;
    QByteArray logoPng; // empty: no logo
    PaperSize paperSize = PaperSize::A4;

    bool operator==(const SiteProfile &other) const = default;
};

// Largest logo accepted, after the UI has scaled it down.
constexpr qsizetype maxLogoBytes = 2 * 1024 * 1024;

class SiteRepository
{
public:
    explicit SiteRepository(Database &db);

    // Empty until the profile has been filled in once (the window asks on a new file).
    std::optional<SiteProfile> load() const;

    // Validates (a name is required, the logo must be a readable image) and saves in one
    // transaction with its audit entry. Throws Error with a message for the user.
    void save(const SiteProfile &profile);

private:
    Database &m_db;
};

} // namespace vigil
