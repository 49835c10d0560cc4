#include "aboutdialog.h"

#include "base/credits.h"
#include "base/version.h"
#include "shell/icons.h"
#include "storage/database.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vigil {
namespace {

QTextBrowser *page(const QString &html, const QString &objectName, QWidget *parent)
{
    auto *browser = new QTextBrowser(parent);
    browser->setObjectName(objectName);
    browser->setOpenExternalLinks(true);
    browser->setHtml(html);
    return browser;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Vigil"));

    auto *icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(64));
    auto *title = new QLabel(tr("<h2>Vigil %1</h2><p>Security operations management for one site.</p>")
                                 .arg(QStringLiteral(VIGIL_VERSION)),
        this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    auto *header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);

    const QString about
        = tr("<p>Vigil keeps a site's security management system (ISO 18788: risks, incidents, training, "
             "KPIs and the management review) in one local file and works without a network.</p>"
             "<table cellspacing='4'>"
             "<tr><td>Version:</td><td>%1</td></tr>"
             "<tr><td>Qt:</td><td>%2 (built with %3)</td></tr>"
             "<tr><td>SQLite:</td><td>%4</td></tr>"
             "<tr><td>File format:</td><td>%5</td></tr>"
             "</table>")
              .arg(QStringLiteral(VIGIL_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                  Database::sqliteVersion())
              .arg(Database::latestSchemaVersion());

    const QString licences
        = tr("<p><b>Vigil</b> is free software: you can redistribute it and/or modify it under the terms of "
             "the GNU General Public License, version 3 or (at your option) any later version.</p>"
             "<p><b>Qt</b> (The Qt Company): Core, Gui, Sql, Widgets, Svg and PrintSupport under the GNU "
             "LGPL 3; Charts under the GNU GPL 3.</p>"
             "<p><b>SQLite</b> (D. Richard Hipp and contributors): public domain.</p>"
             "<p><b>libxlsxwriter</b> (John McNamara), for the Excel exports: BSD 2-Clause.</p>"
             "<p><b>libsodium</b> (Frank Denis), for encrypted backups: ISC licence.</p>"
             "<p><b>libzip</b> (Dieter Baron and Thomas Klausner), for reading Excel workbooks: BSD 3-Clause.</p>"
             "<p><b>OpenSSL</b> (The OpenSSL Project), libcrypto for the audit chain's seals: Apache License 2.0.</p>");

    QString credits;
    const QList<DataCredit> shipped = dataCredits();
    if (shipped.isEmpty()) {
        credits = tr("<p>This version ships no third-party data.</p>");
    } else {
        credits = tr("<p>Vigil's built-in catalogues use these works:</p>");
        for (const DataCredit &credit : shipped)
            credits += QStringLiteral("<p><b>%1</b>: %2, %3. <a href='%4'>%4</a></p>")
                           .arg(credit.what.toHtmlEscaped(), credit.source.toHtmlEscaped(),
                               credit.licence.toHtmlEscaped(), credit.url.toHtmlEscaped());
    }

    auto *tabs = new QTabWidget(this);
    tabs->addTab(page(about, QStringLiteral("aboutVersion"), tabs), tr("&About"));
    tabs->addTab(page(licences, QStringLiteral("aboutLicences"), tabs), tr("&Licences"));
    tabs->addTab(page(credits, QStringLiteral("aboutCredits"), tabs), tr("&Data Credits"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(560, 420);
}

} // namespace vigil
