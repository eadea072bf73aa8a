#pragma once
// The explorer's keys, the way a debugger's work: they act from launch and after a click on any plot, list or
// button of the window, whatever has focus. A focused control that is operated by keys — a text field (line edit,
// spin box, editable text) or a slider — and an open popup or menu keep their keys, except Page Up/Down, which
// always drive an open lesson.
// Also the mouse wheel: over a spin box, combo box or slider the user has not clicked into it scrolls the panel
// around it instead of changing the value.
// One per main window; it filters the application's events for that window only. GUI thread.
#include <QObject>

#include <functional>
#include <vector>

class QAction;
class QKeyEvent;
class QWheelEvent;
class QWidget;

namespace lstm {

class ExplorerKeys : public QObject {
  Q_OBJECT
public:
  explicit ExplorerKeys(QWidget *window);
  ~ExplorerKeys() override;

  // `key` (with `modifiers`) triggers `action` when it is enabled. `evenInTextFields`: also while a text field has
  // focus (Page Up/Down for lessons). The action's menu entry shows the key.
  void bind(int key, Qt::KeyboardModifiers modifiers, QAction *action, bool evenInTextFields = false);

  // True when `widget` keeps ordinary keys for itself: it edits text or is a slider.
  static bool keepsKeys(const QWidget *widget);

protected:
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  struct Binding {
    int key;
    Qt::KeyboardModifiers modifiers;
    QAction *action;
    bool evenInTextFields;
  };
  const Binding *bindingFor(const QKeyEvent &event, const QWidget *receiver) const;
  bool belongsToWindow(const QObject *object) const;
  bool redirectWheel(QWidget *control, QEvent *event);
  bool redirectWindowWheel(QWheelEvent *event);

  QWidget *m_window;
  std::vector<Binding> m_bindings;
};

} // namespace lstm
