#include "step_window.h"

#include "common/qcustomplot_include.h"

#include <QEvent>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace lstm {

bool IndexRange::visibleIndices(int count, int &first, int &last) const {
  first = std::max(0, int(std::floor(lower + 0.5)));
  last = std::min(count - 1, int(std::ceil(upper - 0.5)));
  return count > 0 && first <= last;
}

IndexRange IndexRange::clampedTo(int count) const {
  const double all = std::max(count, 1);
  const double width = size() > all ? all : std::max(size(), std::min(all, 2.0));
  const double low = size() > all ? -0.5 : std::clamp(lower, -0.5, all - 0.5 - width);
  return {low, low + width};
}

Buckets Buckets::cover(int first, int last, int pixels) {
  Buckets buckets;
  const int count = last - first + 1;
  pixels = std::max(pixels, 1);
  buckets.stride = count > pixels ? (count + pixels - 1) / pixels : 1;
  buckets.start = first / buckets.stride * buckets.stride;
  buckets.count = (last - buckets.start) / buckets.stride + 1;
  return buckets;
}

int Buckets::bucketOf(int index) const {
  const int bucket = index >= start ? (index - start) / stride : -1;
  return bucket < count ? bucket : -1;
}

StepWindow::StepWindow(QWidget *parent, std::function<int()> steps) : QObject(parent), m_steps(std::move(steps)) {
  m_followButton = new QToolButton(parent);
  m_followButton->setObjectName(QStringLiteral("followButton"));
  m_followButton->setCheckable(true);
  m_followButton->installEventFilter(this);
  retranslateUi();
  m_followButton->setChecked(true);
  connect(m_followButton, &QToolButton::toggled, this, [this](bool on) { setFollowing(on); });
}

void StepWindow::retranslateUi() {
  m_followButton->setText(tr("Follow"));
  m_followButton->setToolTip(tr("Keep showing the last %1 steps while stepping").arg(kFollowSteps));
}

bool StepWindow::eventFilter(QObject *watched, QEvent *event) {
  if (watched == m_followButton && event->type() == QEvent::LanguageChange)
    retranslateUi();
  return QObject::eventFilter(watched, event);
}

void StepWindow::addAxis(QCPAxis *axis, bool cursorColumn) {
  m_axes.push_back(axis);
  axis->setRange(m_range.lower, m_range.upper);
  connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
          [this](const QCPRange &range) { onAxisRangeChanged(range); });
  if (!cursorColumn)
    return;
  // The inspected step's column: a translucent band with dark edges, one step wide and at least the pen's
  // width, so it shows over a colour map and among lines alike.
  auto *column = new QCPItemRect(axis->parentPlot());
  column->setObjectName(QStringLiteral("cursorColumn"));
  column->setClipAxisRect(axis->axisRect());
  column->setLayer(QStringLiteral("axes")); // above the maps and graphs made after it, below a legend
  for (QCPItemPosition *corner : {column->topLeft, column->bottomRight}) {
    corner->setAxes(axis, axis->axisRect()->axis(QCPAxis::atLeft));
    corner->setAxisRect(axis->axisRect());
    corner->setTypeY(QCPItemPosition::ptAxisRectRatio); // top to bottom whatever the value range
  }
  column->topLeft->setCoords(-0.5, 0.0);
  column->bottomRight->setCoords(0.5, 1.0);
  column->setPen(QPen(QColor(20, 20, 20), 1.5));
  column->setBrush(QColor(255, 255, 255, 70));
  column->setSelectable(false);
  column->setVisible(false);
  m_cursorColumns.push_back(column);
}

void StepWindow::setFollowing(bool on) {
  const bool resumed = on && !m_following;
  m_following = on;
  if (m_followButton->isChecked() != on) {
    const QSignalBlocker blocker(m_followButton);
    m_followButton->setChecked(on);
  }
  if (resumed)
    Q_EMIT moved();
}

void StepWindow::onAxisRangeChanged(const QCPRange &range) {
  if (m_settingRange)
    return;
  // The user panned or zoomed: at least a few steps wide; zoomed out past every step (and the follow window)
  // it shows them all.
  const double all = std::max(m_steps(), kFollowSteps);
  if (range.size() > 1.1 * all) {
    setRange({-0.5 - 0.05 * all, all - 0.5 + 0.05 * all});
  } else {
    const double width = std::max(range.size(), 4.0);
    setRange({range.center() - 0.5 * width, range.center() + 0.5 * width});
  }
  setFollowing(false);
  Q_EMIT moved();
}

void StepWindow::update(int cursor) {
  const int steps = m_steps();
  IndexRange range = m_range;
  if (m_following) {
    const int start = std::max(0, steps - kFollowSteps);
    range = {start - 0.5, start + std::clamp(steps, kMinFollowSteps, kFollowSteps) - 0.5};
  }
  const bool jumped = cursor != m_lastCursor && steps == m_lastSteps;
  m_lastCursor = cursor;
  m_lastSteps = steps;
  if (jumped && cursor >= 0 && !range.contains(cursor)) {
    setFollowing(false);
    range = {cursor - 0.5 * range.size(), cursor + 0.5 * range.size()};
  }
  setRange(range);
  for (QCPItemRect *column : m_cursorColumns) {
    column->setVisible(cursor >= 0 && steps > 0);
    column->topLeft->setCoords(cursor - 0.5, 0.0);
    column->bottomRight->setCoords(cursor + 0.5, 1.0);
  }
}

void StepWindow::setRange(IndexRange range) {
  m_range = range;
  m_settingRange = true;
  for (QCPAxis *axis : m_axes)
    axis->setRange(range.lower, range.upper);
  m_settingRange = false;
}

} // namespace lstm
