#include "firstpaint.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace vigil {
namespace {

class FirstPaintFilter final : public QObject
{
public:
    FirstPaintFilter(QWidget *window, std::function<void()> callback)
        : QObject(window)
        , m_callback(std::move(callback))
    {
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_fired) {
            m_fired = true;
            // The paint event is being delivered now; the callback runs once it (and the flush
            // of the backing store that follows it) is done.
            QPointer<FirstPaintFilter> self(this);
            QTimer::singleShot(0, watched, [self] {
                if (self) {
                    auto callback = std::move(self->m_callback);
                    self->deleteLater();
                    callback();
                }
            });
        }
        return false;
    }

private:
    std::function<void()> m_callback;
    bool m_fired = false;
};

} // namespace

void whenFirstPainted(QWidget *window, std::function<void()> callback)
{
    window->installEventFilter(new FirstPaintFilter(window, std::move(callback)));
}

} // namespace vigil
