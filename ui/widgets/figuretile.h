#pragma once

#include <QAbstractButton>
#include <QColor>

namespace vigil {

// A headline figure as a clickable tile: the value large, what it counts below, an optional
// detail line and an optional accent colour (never the only signal: the text says it too).
class FigureTile : public QAbstractButton
{
    Q_OBJECT

public:
    explicit FigureTile(QWidget *parent = nullptr);

    void setValue(const QString &value);
    void setLabel(const QString &label);
    void setDetail(const QString &detail);
    void setAccent(const QColor &accent);
    QString value() const { return m_value; }
    QString label() const { return m_label; }
    QString detail() const { return m_detail; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QString m_value;
    QString m_label;
    QString m_detail;
    QColor m_accent;
    bool m_hovered = false;
};

} // namespace vigil
