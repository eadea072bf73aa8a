#pragma once
// Workspaces: one designed arrangement of the window's docks per activity. Explore reads a text and looks inside
// the cell; Train puts the training panel beside the views that show what it learns; Teach gives the lesson a
// column of its own (never a tab another dock could cover) beside the views lessons talk about. Which dock goes
// where in each is one table, kDockPlan in workspaces.cpp: adding a dock is one line there.
// An arrangement is built for the window's size (column widths and heights are fractions of it), so it fits a
// 1024 × 700 projector and a 4K screen alike, and it follows the window when it is resized until the user moves
// a dock or a separator. Presentation mode has an arrangement of its own (the cell diagram across the top, large
// enough for its numbers to read from the back of a room), applied by arrangePresentation(). GUI thread only.
#include <QList>
#include <QObject>
#include <QSize>
#include <QStringList>

class QAction;
class QDockWidget;
class QActionGroup;
class QMainWindow;
class QToolBar;

namespace lstm {

enum class Workspace { Explore, Train, Teach };

class Workspaces : public QObject {
  Q_OBJECT
public:
  // Arranges nothing yet: call switchTo() (or restore()) once every dock of the table exists.
  explicit Workspaces(QMainWindow *window);

  Workspace current() const { return m_current; }
  // One checkable action per workspace (Ctrl+1, Ctrl+2, Ctrl+3), objectNames "exploreWorkspaceAction",
  // "trainWorkspaceAction", "teachWorkspaceAction": for the toolbar and the View menu.
  QList<QAction *> actions() const;
  QToolBar *toolBar() const { return m_toolBar; } // objectName "workspaceToolBar"; the window adds it

  // Shows the workspace's docks in its designed arrangement for the window's current size.
  void switchTo(Workspace workspace);
  // The designed arrangement of the current workspace (View ▸ Reset layout).
  void resetLayout() { switchTo(m_current); }
  // The window restored a layout the user made: keep it as it is (it does not follow the window's size).
  void keepUserLayout() { m_followsWindow = false; }
  // The presentation arrangement: the docks the table keeps for presenting, the cell diagram across the top.
  // Follows the window's size (it goes full screen after this); endPresentation() stops that, and the caller
  // restores the layout it saved.
  void arrangePresentation();
  void endPresentation();

  // The objectNames of the docks a workspace shows (tests, the lesson's list of views).
  static QStringList shownDocks(Workspace workspace);
  static QStringList presentedDocks(); // the docks presentation keeps
  static QString key(Workspace workspace); // "explore", "train", "teach": for settings
  static Workspace fromKey(const QString &key, Workspace fallback);

Q_SIGNALS:
  void switched(Workspace workspace);

private:
  enum class Plan { Explore, Train, Teach, Present };
  bool eventFilter(QObject *watched, QEvent *event) override;
  void retranslateUi();
  void arrange(Plan plan);
  void applySizes();

  QMainWindow *m_window;
  QToolBar *m_toolBar;
  QActionGroup *m_group;
  Workspace m_current = Workspace::Explore;
  Plan m_plan = Plan::Explore;
  // Sizes follow the window while the arrangement is the designed one: set by arrange(), cleared when the user
  // drags a separator or moves a dock.
  bool m_followsWindow = false;
  QSize m_arrangedFor;
  QList<QList<QDockWidget *>> m_places; // the docks of each place (kPlaceOrder), shown ones first
  struct Before { Plan plan; bool follows; QSize size; } m_beforePresentation{Plan::Explore, false, {}};
};

} // namespace lstm
