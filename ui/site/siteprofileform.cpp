#include "siteprofileform.h"

#include "base/images.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>

namespace vigil {
namespace {

constexpr int logoMaxPixels = 512;
constexpr int previewPixels = 96;

} // namespace

SiteProfileForm::SiteProfileForm(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_nameProblem(problemLabel(QStringLiteral("siteNameProblem"), this))
    , m_address(new QPlainTextEdit(this))
    , m_logoPreview(new QLabel(this))
    , m_logoProblem(problemLabel(QStringLiteral("siteLogoProblem"), this))
    , m_removeLogo(new QPushButton(themedIcon(QStringLiteral("remove")), tr("Remove"), this))
    , m_paper(new QComboBox(this))
{
    m_name->setObjectName(QStringLiteral("siteName"));
    m_name->setPlaceholderText(tr("e.g. Northgate Distribution Centre"));
    m_name->setMaxLength(200);
    m_address->setObjectName(QStringLiteral("siteAddress"));
    m_address->setTabChangesFocus(true);
    m_address->setPlaceholderText(tr("Street, town, postcode, country"));
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 5);

    m_logoPreview->setObjectName(QStringLiteral("siteLogo"));
    m_logoPreview->setFixedSize(previewPixels + 8, previewPixels + 8);
    m_logoPreview->setAlignment(Qt::AlignCenter);
    m_logoPreview->setFrameShape(QFrame::StyledPanel);
    auto *chooseLogo = new QPushButton(themedIcon(QStringLiteral("image")), tr("Choose…"), this);
    chooseLogo->setObjectName(QStringLiteral("chooseLogo"));
    m_removeLogo->setObjectName(QStringLiteral("removeLogo"));
    auto *logoButtons = new QVBoxLayout;
    logoButtons->addWidget(chooseLogo);
    logoButtons->addWidget(m_removeLogo);
    logoButtons->addStretch();
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logoPreview);
    logoRow->addLayout(logoButtons);
    logoRow->addStretch();

    m_paper->setObjectName(QStringLiteral("paperSize"));
    m_paper->addItem(tr("A4 (210 × 297 mm)"), int(PaperSize::A4));
    m_paper->addItem(tr("Letter (8.5 × 11 in)"), int(PaperSize::Letter));
    m_paper->setCurrentIndex(m_paper->findData(int(defaultPaperSize(QLocale()))));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Site &name:"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Address:"), m_address);
    auto *logoLabel = new QLabel(tr("Logo:"), this);
    logoLabel->setBuddy(chooseLogo);
    form->addRow(logoLabel, logoRow);
    form->addRow(QString(), m_logoProblem);
    form->addRow(tr("&Paper size for reports:"), m_paper);

    connect(m_name, &QLineEdit::textEdited, this, [this] {
        validate();
        emit edited();
    });
    connect(m_address, &QPlainTextEdit::textChanged, this, &SiteProfileForm::edited);
    connect(m_paper, &QComboBox::activated, this, &SiteProfileForm::edited);
    connect(chooseLogo, &QPushButton::clicked, this, &SiteProfileForm::chooseLogo);
    connect(m_removeLogo, &QPushButton::clicked, this, [this] {
        setLogo({});
        emit edited();
    });
    setLogo({});
}

void SiteProfileForm::setProfile(const SiteProfile &profile)
{
    m_uuid = profile.uuid;
    m_name->setText(profile.name);
    {
        const QSignalBlocker blocker(m_address);
        m_address->setPlainText(profile.address);
    }
    m_paper->setCurrentIndex(m_paper->findData(int(profile.paperSize)));
    setLogo(profile.logoPng);
    m_logoProblem->hide();
    m_nameProblem->hide();
}

SiteProfile SiteProfileForm::profile() const
{
    SiteProfile profile;
    profile.uuid = m_uuid;
    profile.name = m_name->text().trimmed();
    profile.address = m_address->toPlainText().trimmed();
    profile.logoPng = m_logo;
    profile.paperSize = PaperSize(m_paper->currentData().toInt());
    return profile;
}

bool SiteProfileForm::isValid() const
{
    return !m_name->text().trimmed().isEmpty();
}

void SiteProfileForm::validate()
{
    const bool nameMissing = m_name->text().trimmed().isEmpty();
    m_nameProblem->setText(tr("The site needs a name; it appears on every report."));
    m_nameProblem->setVisible(nameMissing);
}

void SiteProfileForm::chooseLogo()
{
    const QString path = dialogs::openFileName(this, tr("Choose the site logo"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Images (*.png *.jpg *.jpeg *.gif *.svg *.bmp)"));
    if (path.isEmpty())
        return;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        m_logoProblem->setText(tr("That file is not an image Vigil can read (%1).").arg(reader.errorString()));
        m_logoProblem->show();
        return;
    }
    if (image.width() > logoMaxPixels || image.height() > logoMaxPixels)
        image = image.scaled(logoMaxPixels, logoMaxPixels, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QByteArray png = toPng(image);
    if (png.size() > maxLogoBytes) {
        m_logoProblem->setText(tr("That image is too detailed to use as a logo (more than 2 MB as PNG)."));
        m_logoProblem->show();
        return;
    }
    m_logoProblem->hide();
    setLogo(png);
    emit edited();
}

void SiteProfileForm::setLogo(const QByteArray &png)
{
    m_logo = png;
    const QImage image = QImage::fromData(png);
    if (image.isNull()) {
        m_logoPreview->setPixmap({});
        m_logoPreview->setText(tr("No logo"));
    } else {
        const qreal dpr = devicePixelRatioF();
        QPixmap pixmap = QPixmap::fromImage(image.scaled(QSize(previewPixels, previewPixels) * dpr,
            Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(dpr);
        m_logoPreview->setPixmap(pixmap);
    }
    m_removeLogo->setEnabled(!png.isEmpty());
}

} // namespace vigil
