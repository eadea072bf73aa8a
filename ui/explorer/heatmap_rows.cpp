#include "heatmap_rows.h"

#include "explore/unit_order.h"
#include "explore/unit_ranking.h"
#include "explorer_session.h"

#include <QComboBox>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lstm {

namespace {
constexpr double kZoomStep = 1.5;
} // namespace

HeatmapRows::HeatmapRows(ExplorerSession *session, QWidget *parent) : QObject(parent), m_session(session) {
  m_orderBox = new QComboBox(parent);
  m_orderBox->setObjectName(QStringLiteral("heatmapOrderCombo"));
  for (int i = 0; i < 5; ++i)
    m_orderBox->addItem(QString());
  m_orderBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_zoomOut = new QToolButton(parent);
  m_zoomOut->setObjectName(QStringLiteral("heatmapZoomOut"));
  m_zoomOut->setText(QStringLiteral("−"));
  m_zoomIn = new QToolButton(parent);
  m_zoomIn->setObjectName(QStringLiteral("heatmapZoomIn"));
  m_zoomIn->setText(QStringLiteral("+"));
  m_scrollBar = new QScrollBar(Qt::Vertical, parent);
  m_scrollBar->setObjectName(QStringLiteral("heatmapScrollBar"));
  m_scrollBar->setVisible(false);
  m_reorderTimer = new QTimer(this);
  m_reorderTimer->setSingleShot(true);
  retranslateUi();
  m_sinceReorder.start();

  connect(m_orderBox, &QComboBox::currentIndexChanged, this, [this] {
    m_stale = true;
    m_scrollTo = 0; // another order: from its first row
    Q_EMIT changed();
  });
  connect(m_zoomOut, &QToolButton::clicked, this, [this] { zoomBy(1.0 / kZoomStep); });
  connect(m_zoomIn, &QToolButton::clicked, this, [this] { zoomBy(kZoomStep); });
  connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
    m_scrollTo = value;
    Q_EMIT changed();
  });
  connect(m_reorderTimer, &QTimer::timeout, this, [this] { Q_EMIT changed(); });
}

void HeatmapRows::retranslateUi() {
  const char *const names[] = {QT_TR_NOOP("Units by index"), QT_TR_NOOP("Most varying first"),
                               QT_TR_NOOP("By the discovery feature"), QT_TR_NOOP("Similar units together"),
                               QT_TR_NOOP("Traced units only")};
  for (int i = 0; i < m_orderBox->count(); ++i)
    m_orderBox->setItemText(i, tr(names[i]));
  m_orderBox->setToolTip(
      tr("Order of the rows. Variance, correlation and similarity are those of the selected quantity over the "
         "steps read; the discovery feature is the one chosen in Unit discovery."));
  m_zoomOut->setToolTip(tr("More units, shorter rows (Ctrl+wheel)"));
  m_zoomIn->setToolTip(tr("Fewer units, taller rows (Ctrl+wheel)"));
}

void HeatmapRows::setFeatureSource(FeatureSource source) {
  m_feature = std::move(source);
  invalidate(false);
}

HeatmapRows::Order HeatmapRows::order() const { return Order(std::max(m_orderBox->currentIndex(), 0)); }

void HeatmapRows::invalidate(bool traceGrew) {
  if (traceGrew)
    m_grew = true;
  else
    m_stale = true;
}

void HeatmapRows::update(int layer, Quantity q) {
  const Order wanted = order();
  // Index and traced orders are cheap and follow every change; the others are redone when the question changed,
  // and while the trace grows at most once per kReorderMs (a timer asks for the refresh that catches up).
  const bool cheap = wanted == Order::Index || wanted == Order::Traced;
  bool due = cheap || m_stale || layer != m_layer || wanted != m_computed || (q != m_quantity && wanted != Order::Feature);
  if (!due && m_grew) {
    const qint64 waited = m_sinceReorder.elapsed();
    due = waited >= kReorderMs;
    if (!due && !m_reorderTimer->isActive())
      m_reorderTimer->start(int(kReorderMs - waited));
  }
  if (!due)
    return;
  m_stale = m_grew = false;
  m_layer = layer;
  m_quantity = q;
  m_computed = wanted;
  computeOrder(layer, q);
  m_sinceReorder.restart();
}

void HeatmapRows::computeOrder(int layer, Quantity q) {
  const int units = m_session->hasModel() ? m_session->units() : 0;
  const Trace &trace = m_session->trace();
  m_featureMissing = false;
  m_units.clear();
  if (units > 0 && layer >= 0) {
    switch (m_computed) {
    case Order::Index:
      break;
    case Order::Variance:
      m_units = unitsByVariance(trace, layer, q);
      break;
    case Order::Clustered:
      m_units = unitsClustered(trace, layer, q);
      break;
    case Order::Feature: {
      const std::vector<double> feature = m_feature ? m_feature() : std::vector<double>{};
      m_featureMissing = feature.empty();
      for (const UnitScore &score : rankUnits(trace, layer, q, feature))
        m_units.push_back(score.unit);
      break;
    }
    case Order::Traced:
      for (int unit : m_session->tracedUnits())
        if (unit >= 0 && unit < units)
          m_units.push_back(unit);
      break;
    }
    if (m_featureMissing || (m_computed != Order::Traced && int(m_units.size()) != units)) {
      m_units.resize(std::size_t(units));
      std::iota(m_units.begin(), m_units.end(), 0);
    }
  }
  m_rowOfUnit.assign(std::size_t(units), -1);
  for (int row = 0; row < count(); ++row)
    m_rowOfUnit[std::size_t(m_units[std::size_t(row)])] = row;
}

int HeatmapRows::rowOf(int unit) const {
  return unit >= 0 && unit < int(m_rowOfUnit.size()) ? m_rowOfUnit[std::size_t(unit)] : -1;
}

IndexRange HeatmapRows::fit(IndexRange current, double pixels, bool reset) {
  const int rows = count();
  // The size follows the user's zoom and the pixels, never the other way round: a taller panel shows more rows.
  const double size = std::max(std::min(m_wantedRows, std::max(2.0, std::floor(pixels / kMinRowPixels))), 1.0);
  double lower = reset ? -0.5 : current.lower;
  if (m_scrollTo >= 0)
    lower = m_scrollTo - 0.5;
  m_scrollTo = -1;
  const IndexRange range = IndexRange{lower, lower + size}.clampedTo(rows);
  m_shownRows = range.size();
  // The scroll bar counts whole rows: its value is the top row, its page the rows in view.
  const int page = std::max(1, int(std::floor(range.size() + 1e-6)));
  const bool scrolls = rows > page;
  const QSignalBlocker blocker(m_scrollBar); // not a user scroll
  m_scrollBar->setRange(0, std::max(0, rows - page));
  m_scrollBar->setPageStep(page);
  m_scrollBar->setSingleStep(1);
  m_scrollBar->setValue(int(std::lround(range.lower + 0.5)));
  if (m_scrollBar->isVisibleTo(m_scrollBar->parentWidget()) != scrolls)
    m_scrollBar->setVisible(scrolls);
  m_zoomOut->setEnabled(rows > page);
  m_zoomIn->setEnabled(page > 2);
  return range;
}

void HeatmapRows::setZoom(double rows) { m_wantedRows = std::max(rows, 1.0); }

void HeatmapRows::zoomBy(double factor) {
  const double rows = m_shownRows / factor;
  m_wantedRows = rows >= count() ? std::numeric_limits<double>::infinity() : std::max(rows, 2.0);
  Q_EMIT changed();
}

bool HeatmapRows::scrollByWheel(double notches) {
  if (!m_scrollBar->isVisibleTo(m_scrollBar->parentWidget()))
    return false;
  m_scrollBar->setValue(m_scrollBar->value() - int(std::lround(notches * kWheelRows)));
  return true;
}

} // namespace lstm
