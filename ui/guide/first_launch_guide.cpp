#include "first_launch_guide.h"

#include <QChildEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSettings>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace lstm {

namespace {
const QString kDismissedKey = QStringLiteral("guide/dismissed");
constexpr int kGap = 8; // px between the card and the window's edges, menus and toolbars

QPushButton *focuslessButton(QWidget *parent, const QString &name) {
  auto *button = new QPushButton(parent);
  button->setObjectName(name);
  button->setFocusPolicy(Qt::NoFocus); // a click must leave the focus (and the step keys) where they were
  button->setAutoDefault(false);
  return button;
}
} // namespace

FirstLaunchGuide::FirstLaunchGuide(QWidget *window)
    : QFrame(window), m_title(new QLabel(this)), m_body(new QLabel(this)),
      m_lessonButton(focuslessButton(this, QStringLiteral("guideLessonButton"))),
      m_closeButton(focuslessButton(this, QStringLiteral("guideCloseButton"))) {
  setObjectName(QStringLiteral("firstLaunchGuide"));
  setFocusPolicy(Qt::NoFocus);
  setFrameShape(QFrame::StyledPanel);
  setAutoFillBackground(true);
  setStyleSheet(QStringLiteral("#firstLaunchGuide { background: #fffbea; border: 1px solid #c8a23c; border-radius: 6px; }"
                               "#firstLaunchGuide QLabel { background: transparent; }"));
  QFont titleFont = m_title->font();
  titleFont.setBold(true);
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
  m_title->setFont(titleFont);
  m_title->setWordWrap(true);
  m_body->setWordWrap(true);
  m_body->setTextFormat(Qt::RichText);
  m_body->setTextInteractionFlags(Qt::NoTextInteraction);

  auto *buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(m_lessonButton);
  buttons->addWidget(m_closeButton);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(14, 10, 14, 10);
  layout->addWidget(m_title);
  layout->addWidget(m_body);
  layout->addLayout(buttons);

  connect(m_closeButton, &QPushButton::clicked, this, &FirstLaunchGuide::dismiss);
  connect(m_lessonButton, &QPushButton::clicked, this, [this] {
    dismiss();
    Q_EMIT lessonRequested();
  });
  // Follows the window's size. Docks a lesson step raises would cover it: the window raises the card again
  // (watching the siblings' z-order instead disturbed which tab of a dock group is in front).
  window->installEventFilter(this);
  retranslateUi();
  hide();
}

bool FirstLaunchGuide::dismissedBefore() { return QSettings().value(kDismissedKey, false).toBool(); }

void FirstLaunchGuide::showGuide() {
  show();
  raise();
  place();
}

void FirstLaunchGuide::dismiss() {
  hide();
  QSettings().setValue(kDismissedKey, true);
}

bool FirstLaunchGuide::eventFilter(QObject *watched, QEvent *event) {
  if (watched == parent() && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest) && isVisible())
    place();
  return QFrame::eventFilter(watched, event);
}

void FirstLaunchGuide::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    if (isVisible())
      place();
  }
  QFrame::changeEvent(event);
}

void FirstLaunchGuide::retranslateUi() {
  m_title->setText(tr("Welcome — the model has just read a text"));
  const QList<std::pair<QString, QString>> panels = {
      {tr("Text (centre)"), tr("what the model reads or writes, tinted by the selected unit; click a character to "
                               "inspect that step. Italic and underlined: written by the model.")},
      {tr("Gates and states (bottom)"), tr("i, f, g, o, c and h of every unit over the steps; click a row to "
                                           "select that unit.")},
      {tr("Unit traces (bottom right)"), tr("the selected units as lines over the steps.")},
      {tr("Cell diagram, Equations (right)"), tr("the selected unit's cell at the inspected step, with every number "
                                                 "on its flows.")},
      {tr("Next character (right)"), tr("what the model expects to come next.")},
      {tr("Left"), tr("the text to read, interventions, training, unit discovery and the lesson.")},
  };
  QString html = QStringLiteral("<p>") +
                 tr("Every panel shows the same moment: the inspected character, outlined in orange in the text.").toHtmlEscaped() +
                 QStringLiteral("</p><table cellspacing=\"0\" cellpadding=\"2\">");
  for (const auto &[panel, shows] : panels)
    html += QStringLiteral("<tr><td valign=\"top\"><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                .arg(panel.toHtmlEscaped(), shows.toHtmlEscaped());
  html += QStringLiteral("</table><p>") +
          tr("Keys: → next step (reads on at the end) · ← previous step · Home / End first / last · Space play · "
             "Page Down / Up lesson steps.").toHtmlEscaped() +
          QStringLiteral("</p><p><i>") + tr("Help ▸ Getting started shows this again.").toHtmlEscaped() +
          QStringLiteral("</i></p>");
  m_body->setText(html);
  m_lessonButton->setText(tr("Start the first lesson"));
  m_closeButton->setText(tr("Close"));
}

void FirstLaunchGuide::place() {
  const QWidget *window = parentWidget();
  int top = 0;
  if (const auto *main = qobject_cast<const QMainWindow *>(window)) {
    if (const QWidget *menu = main->menuWidget(); menu && menu->isVisible())
      top = menu->geometry().bottom() + 1;
    for (const QToolBar *bar : main->findChildren<QToolBar *>(Qt::FindDirectChildrenOnly))
      if (bar->isVisible() && main->toolBarArea(bar) == Qt::TopToolBarArea)
        top = std::max(top, bar->geometry().bottom() + 1);
  }
  top += kGap;
  const int width = std::max(120, std::min(kMaxWidth, window->width() - 2 * kGap));
  const int wanted = hasHeightForWidth() ? heightForWidth(width) : sizeHint().height();
  const int height = std::max(60, std::min(wanted, window->height() - top - kGap));
  setGeometry((window->width() - width) / 2, top, width, height);
  raise(); // a workspace switch re-adds the docks above their siblings, and asks for a layout: the card goes back on top
}

} // namespace lstm
