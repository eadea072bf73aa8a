#pragma once
// Presentation mode (F11, View ▸ Presentation): the window goes full screen with only the central text
// view and the kept docks (cell diagram, heatmaps), fonts and lines scaled for a projector and the high-contrast
// colour scales (displayStyle().setPresentation). Optionally it also hides the advanced controls — menu bar,
// status bar, toolbars — leaving a small toolbar with the essentials. The keyboard drives it alone: the given
// actions (→ step, ← back, Space play) stay live even with every toolbar hidden, and Esc or F11 leave.
// Leaving restores exactly what was there: window state and geometry, saveState() layout, fonts, bars.
// QCustomPlots of the window (views this class does not know) get applyPlotStyle, re-applied before every replot
// since views recreate graphs. GUI thread only.
#include <QByteArray>
#include <QFont>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <utility>

class QAction;
class QMainWindow;
class QToolBar;
class QWidget;

namespace lstm {

class PresentationMode : public QObject {
  Q_OBJECT
public:
  // `keptDocks`: objectNames of the docks that stay (the central widget always does). `keyboardActions`: the
  // actions that must work by key while presenting (step back, play, step forward), with their shortcuts set.
  // Adds toggleAction() to the window, so F11 works with the menu bar hidden.
  PresentationMode(QMainWindow *window, const QStringList &keptDocks, const QList<QAction *> &keyboardActions,
                   QObject *parent = nullptr);
  ~PresentationMode() override;

  // Checkable, F11, objectName "presentationAction": for the View menu.
  QAction *toggleAction() const { return m_toggle; }
  // Checkable (on by default), objectName "hideAdvancedControlsAction": whether presenting hides the menu bar,
  // status bar and toolbars; toggling it while presenting applies at once.
  QAction *hideAdvancedAction() const { return m_hideAdvanced; }
  QAction *leaveAction() const { return m_leave; } // Esc, objectName "leavePresentationAction"; live only while presenting

  bool isActive() const { return m_active; }
  void enter(); // no-op when active
  void leave(); // no-op when not active
  void setActive(bool on) { on ? enter() : leave(); }
  // Arranges the kept docks for presenting: called with true on entering, once the other docks and bars are
  // hidden and before the window goes full screen; with false first thing on leaving, before the saved layout
  // comes back. Without one the kept docks stay where they are.
  void setArrangement(std::function<void(bool presenting)> arrange) { m_arrange = std::move(arrange); }

Q_SIGNALS:
  void activeChanged(bool active);

private:
  struct Saved {
    Qt::WindowStates windowState;
    QByteArray geometry, layout;
    QFont font;
    bool ownFont = false;
    bool menuBarVisible = true, statusBarVisible = true;
    double textPointSize = -1.0; // the central TextView's; −1 when the central widget is not one
    QList<QAction *> addedActions; // actions this mode added to the window
    QList<std::pair<QPointer<QToolBar>, bool>> toolBars; // and whether each was shown
    QPointer<QWidget> focus;
  };
  void retranslateUi();
  bool eventFilter(QObject *watched, QEvent *event) override;
  void applyAdvancedVisibility();
  void styleAllPlots();
  void unstyleAllPlots();

  QMainWindow *m_window;
  QStringList m_keptDocks;
  QList<QAction *> m_keys;
  QAction *m_toggle, *m_hideAdvanced, *m_leave;
  QToolBar *m_essentials; // shown instead of the toolbars when the advanced controls are hidden
  bool m_active = false;
  Saved m_saved;
  QList<QMetaObject::Connection> m_plotConnections;
  std::function<void(bool)> m_arrange;
};

} // namespace lstm
