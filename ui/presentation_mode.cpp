#include "presentation_mode.h"

#include "common/display_style.h"
#include "common/qcustomplot_include.h"
#include "explorer/text_view.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

namespace lstm {

namespace {
constexpr int kEssentialIconSize = 40;

QFont scaledFont(QFont font, double scale) {
  if (font.pointSizeF() > 0)
    font.setPointSizeF(font.pointSizeF() * scale);
  else if (font.pixelSize() > 0)
    font.setPixelSize(int(font.pixelSize() * scale + 0.5));
  return font;
}

QStatusBar *statusBarOf(QMainWindow *window) { // QMainWindow::statusBar() would create one
  return window->findChild<QStatusBar *>(QString(), Qt::FindDirectChildrenOnly);
}
} // namespace

PresentationMode::PresentationMode(QMainWindow *window, const QStringList &keptDocks,
                                   const QList<QAction *> &keyboardActions, QObject *parent)
    : QObject(parent), m_window(window), m_keptDocks(keptDocks), m_keys(keyboardActions) {
  m_toggle = new QAction(this);
  m_toggle->setObjectName(QStringLiteral("presentationAction"));
  m_toggle->setCheckable(true);
  m_toggle->setShortcut(Qt::Key_F11);
  m_toggle->setShortcutContext(Qt::WindowShortcut);
  m_window->addAction(m_toggle); // lives on the window itself: F11 works with the menu bar hidden
  connect(m_toggle, &QAction::toggled, this, [this](bool on) { setActive(on); });

  m_hideAdvanced = new QAction(this);
  m_hideAdvanced->setObjectName(QStringLiteral("hideAdvancedControlsAction"));
  m_hideAdvanced->setCheckable(true);
  m_hideAdvanced->setChecked(true);
  connect(m_hideAdvanced, &QAction::toggled, this, [this] {
    if (m_active)
      applyAdvancedVisibility();
  });

  m_leave = new QAction(m_window->style()->standardIcon(QStyle::SP_TitleBarNormalButton), QString(), this);
  m_leave->setObjectName(QStringLiteral("leavePresentationAction"));
  m_leave->setShortcut(Qt::Key_Escape);
  m_leave->setShortcutContext(Qt::WindowShortcut);
  connect(m_leave, &QAction::triggered, this, [this] { leave(); });

  m_essentials = new QToolBar(m_window);
  m_essentials->setObjectName(QStringLiteral("presentationToolBar"));
  m_essentials->setMovable(false);
  m_essentials->setFloatable(false);
  m_essentials->setIconSize(QSize(kEssentialIconSize, kEssentialIconSize));
  m_essentials->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_essentials->addActions(m_keys);
  m_essentials->addSeparator();
  m_essentials->addAction(m_hideAdvanced);
  m_essentials->addAction(m_leave);
  m_essentials->hide();

  m_window->installEventFilter(this);
  retranslateUi();
}

PresentationMode::~PresentationMode() {
  // The window may be half destroyed: only the app-wide style is put back.
  if (m_active)
    displayStyle().setPresentation(false);
}

void PresentationMode::retranslateUi() {
  m_toggle->setText(tr("&Presentation"));
  m_toggle->setToolTip(tr("Full screen, large text and high-contrast colours for a projector (F11; Esc leaves)"));
  m_hideAdvanced->setText(tr("Hide advanced controls"));
  m_hideAdvanced->setToolTip(tr("While presenting, hide the menu bar, status bar and toolbars; "
                                "the arrow keys and Space still drive the model"));
  m_leave->setText(tr("Leave presentation"));
  m_leave->setToolTip(tr("Back to the full window (Esc or F11)"));
  m_essentials->setWindowTitle(tr("Presentation"));
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event) {
  if (watched == m_window) {
    if (event->type() == QEvent::LanguageChange)
      retranslateUi();
    else if (event->type() == QEvent::Close)
      leave(); // before the window's closeEvent saves its layout: save the real one, not the presentation
  }
  return QObject::eventFilter(watched, event);
}

void PresentationMode::enter() {
  if (m_active)
    return;
  m_active = true;
  m_saved = Saved{};
  m_saved.windowState = m_window->windowState();
  m_saved.geometry = m_window->saveGeometry();
  m_saved.layout = m_window->saveState();
  m_saved.ownFont = m_window->testAttribute(Qt::WA_SetFont);
  m_saved.font = m_window->font();
  m_saved.menuBarVisible = m_window->menuWidget() && !m_window->menuWidget()->isHidden();
  m_saved.statusBarVisible = statusBarOf(m_window) && !statusBarOf(m_window)->isHidden();
  for (QToolBar *bar : m_window->findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly))
    if (bar != m_essentials)
      m_saved.toolBars.push_back({bar, !bar->isHidden()});
  QWidget *focus = QApplication::focusWidget();
  m_saved.focus = focus && m_window->isAncestorOf(focus) ? focus : nullptr;

  // Style first, so the views redraw once with everything in place; plots before the window font, so their
  // pinned fonts are the unscaled ones.
  displayStyle().setPresentation(true);
  styleAllPlots();
  const double scale = displayStyle().fontScale();
  m_window->setFont(scaledFont(m_saved.font, scale));
  if (auto *text = qobject_cast<TextView *>(m_window->centralWidget())) {
    m_saved.textPointSize = text->fontPointSize();
    text->setFontPointSize(m_saved.textPointSize * scale);
  }
  for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
    const bool kept = m_keptDocks.contains(dock->objectName());
    dock->setVisible(kept);
    if (kept)
      dock->raise(); // in front of its tab group
  }
  // Actions of hidden toolbars and menus lose their shortcuts: on the window itself they stay live. The same
  // action in several places is still one shortcut, so nothing becomes ambiguous.
  QList<QAction *> live = m_keys; // a named list: `QList(m_keys) << m_leave` in the loop header would dangle
  live << m_leave;
  for (QAction *action : std::as_const(live))
    if (!m_window->actions().contains(action)) {
      m_window->addAction(action);
      m_saved.addedActions.push_back(action);
    }
  applyAdvancedVisibility();
  if (m_arrange)
    m_arrange(true);
  m_window->showFullScreen();
  if (QWidget *central = m_window->centralWidget())
    central->setFocus(Qt::OtherFocusReason); // not a spin box that would take the arrow keys
  m_toggle->setChecked(true);
  Q_EMIT activeChanged(true);
}

void PresentationMode::leave() {
  if (!m_active)
    return;
  m_active = false;
  if (m_arrange)
    m_arrange(false);
  for (QAction *action : std::as_const(m_saved.addedActions))
    m_window->removeAction(action);
  m_window->removeToolBar(m_essentials);
  for (const auto &[bar, visible] : std::as_const(m_saved.toolBars))
    if (bar)
      bar->setVisible(visible);
  if (QWidget *menu = m_window->menuWidget())
    menu->setVisible(m_saved.menuBarVisible);
  if (QStatusBar *status = statusBarOf(m_window))
    status->setVisible(m_saved.statusBarVisible);
  m_window->setFont(m_saved.ownFont ? m_saved.font : QFont());
  if (auto *text = qobject_cast<TextView *>(m_window->centralWidget()); text && m_saved.textPointSize > 0)
    text->setFontPointSize(m_saved.textPointSize);
  unstyleAllPlots();
  displayStyle().setPresentation(false);

  m_window->setWindowState(m_saved.windowState);
  m_window->restoreGeometry(m_saved.geometry);
  // restoreState clamps dock sizes to minimum sizes, which the large fonts raised: recompute them first, so the
  // layout comes back byte for byte (a closeEvent right after saves the real one). Once more when the platform has
  // applied the geometry.
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  m_window->restoreState(m_saved.layout);
  QTimer::singleShot(0, this, [this, layout = m_saved.layout] {
    if (!m_active)
      m_window->restoreState(layout);
  });
  if (m_saved.focus && m_saved.focus->isVisible())
    m_saved.focus->setFocus(Qt::OtherFocusReason);
  m_toggle->setChecked(false);
  Q_EMIT activeChanged(false);
}

void PresentationMode::applyAdvancedVisibility() {
  const bool hide = m_hideAdvanced->isChecked();
  if (QWidget *menu = m_window->menuWidget())
    menu->setVisible(!hide && m_saved.menuBarVisible);
  if (QStatusBar *status = statusBarOf(m_window))
    status->setVisible(!hide && m_saved.statusBarVisible);
  for (const auto &[bar, visible] : std::as_const(m_saved.toolBars))
    if (bar)
      bar->setVisible(!hide && visible);
  if (hide) {
    m_window->addToolBar(Qt::TopToolBarArea, m_essentials);
    m_essentials->show();
  } else {
    m_window->removeToolBar(m_essentials);
  }
}

void PresentationMode::styleAllPlots() {
  for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
    applyPlotStyle(plot);
    // Views recreate graphs and items at will: style whatever a replot is about to draw.
    m_plotConnections.push_back(connect(plot, &QCustomPlot::beforeReplot, this, [plot] { applyPlotStyle(plot); }));
    plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void PresentationMode::unstyleAllPlots() {
  for (const QMetaObject::Connection &connection : std::as_const(m_plotConnections))
    disconnect(connection);
  m_plotConnections.clear();
  for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
    restorePlotStyle(plot);
    // Now, not queued: the plot's minimum size follows its fonts, and the layout is restored right after.
    plot->replot(QCustomPlot::rpImmediateRefresh);
    plot->updateGeometry();
  }
}

} // namespace lstm
