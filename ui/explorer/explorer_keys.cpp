#include "explorer_keys.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextEdit>
#include <QWheelEvent>
#include <QWidget>
#include <QWindow>

namespace lstm {

ExplorerKeys::ExplorerKeys(QWidget *window) : QObject(window), m_window(window) { qApp->installEventFilter(this); }

ExplorerKeys::~ExplorerKeys() { qApp->removeEventFilter(this); }

void ExplorerKeys::bind(int key, Qt::KeyboardModifiers modifiers, QAction *action, bool evenInTextFields) {
  m_bindings.push_back({key, modifiers, action, evenInTextFields});
  // Shown in menus and tooltips; Qt's own shortcut matching never sees it (this filter acts first).
  action->setShortcuts(action->shortcuts() << QKeySequence(key | modifiers.toInt()));
  action->setShortcutContext(Qt::WidgetShortcut);
}

bool ExplorerKeys::keepsKeys(const QWidget *widget) {
  if (!widget)
    return false;
  if (qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget) ||
      qobject_cast<const QKeySequenceEdit *>(widget))
    return true;
  if (qobject_cast<const QAbstractSlider *>(widget) && !qobject_cast<const QScrollBar *>(widget))
    return true;
  if (const auto *edit = qobject_cast<const QTextEdit *>(widget))
    return !edit->isReadOnly();
  if (const auto *edit = qobject_cast<const QPlainTextEdit *>(widget))
    return !edit->isReadOnly();
  if (const auto *combo = qobject_cast<const QComboBox *>(widget))
    return combo->isEditable();
  return false;
}

bool ExplorerKeys::belongsToWindow(const QObject *object) const {
  const auto *widget = qobject_cast<const QWidget *>(object);
  return widget && widget->window() == m_window;
}

const ExplorerKeys::Binding *ExplorerKeys::bindingFor(const QKeyEvent &event, const QWidget *receiver) const {
  if (event.isAutoRepeat() && event.key() == Qt::Key_Space)
    return nullptr; // holding Space must not toggle play on and off
  const Qt::KeyboardModifiers modifiers = event.modifiers() & ~Qt::KeypadModifier;
  for (const Binding &binding : m_bindings)
    if (binding.key == event.key() && binding.modifiers == modifiers && binding.action->isEnabled() &&
        (binding.evenInTextFields || !keepsKeys(receiver)))
      return &binding;
  return nullptr;
}

bool ExplorerKeys::eventFilter(QObject *watched, QEvent *event) {
  const QEvent::Type type = event->type();
  if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress && type != QEvent::Wheel)
    return false;
  if (type == QEvent::Wheel && watched == m_window->windowHandle())
    return redirectWindowWheel(static_cast<QWheelEvent *>(event));
  if (!belongsToWindow(watched) || QApplication::activePopupWidget() || QApplication::activeModalWidget())
    return false;
  if (type == QEvent::Wheel)
    return redirectWheel(static_cast<QWidget *>(watched), event);
  const auto *key = static_cast<QKeyEvent *>(event);
  // The receiver, not the focus widget: the first receiver of a key is the focus widget, and a key a control
  // ignores travels on to its parents, where it is the window's again.
  const Binding *binding = bindingFor(*key, static_cast<QWidget *>(watched));
  if (!binding)
    return false;
  if (type == QEvent::ShortcutOverride) {
    event->accept(); // no shortcut of a child (a spin box's arrows, a list's Home) takes it: the press comes here
    return true;
  }
  binding->action->trigger();
  return true;
}

namespace {
bool isValueControl(const QWidget *widget) {
  return qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QComboBox *>(widget) ||
         (qobject_cast<const QAbstractSlider *>(widget) && !qobject_cast<const QScrollBar *>(widget));
}
} // namespace

bool ExplorerKeys::redirectWindowWheel(QWheelEvent *event) {
  // A real wheel reaches the window first. Caught here, before it is handed to the control under the mouse: on
  // that way Qt gives a control with wheel focus (every spin and combo box) the focus, and then the control, now
  // focused, would take the wheel.
  if (QApplication::activePopupWidget() || QApplication::activeModalWidget())
    return false;
  QWidget *target = m_window->childAt(m_window->mapFromGlobal(event->globalPosition().toPoint()));
  for (; target && target != m_window; target = target->parentWidget())
    if (isValueControl(target))
      return redirectWheel(target, event);
  return false;
}

bool ExplorerKeys::redirectWheel(QWidget *control, QEvent *event) {
  if (!isValueControl(control) || control->hasFocus())
    return false;
  // The nearest scrolling panel around the control scrolls instead; without one the wheel does nothing here.
  for (QWidget *parent = control->parentWidget(); parent; parent = parent->parentWidget())
    if (auto *area = qobject_cast<QAbstractScrollArea *>(parent)) {
      QWheelEvent *wheel = static_cast<QWheelEvent *>(event);
      const QPointF position = area->viewport()->mapFromGlobal(wheel->globalPosition());
      QWheelEvent forwarded(position, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                            wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted());
      QApplication::sendEvent(area->verticalScrollBar(), &forwarded);
      break;
    }
  return true;
}

} // namespace lstm
