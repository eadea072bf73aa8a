#include "unit_trace_view.h"

#include "common/plot_export.h"
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"
#include "common/refresh_coalescer.h"
#include "common/step_axis_ticker.h"
#include "common/step_window.h"
#include "explorer_session.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

namespace {
constexpr Quantity kPlottable[kQuantityCount] = {
    Quantity::InputGate, Quantity::ForgetGate, Quantity::CandidateGate, Quantity::OutputGate, Quantity::Cell,
    Quantity::Hidden,    Quantity::InputPre,   Quantity::ForgetPre,     Quantity::CandidatePre, Quantity::OutputPre};

// Tableau 10: distinct on white and for common colour-vision deficiencies. A unit keeps its colour.
QColor unitColor(int unit) {
  static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
  return QColor(palette[unit % 10]);
}
} // namespace

UnitTraceView::UnitTraceView(ExplorerSession *session, QWidget *parent) : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("unitTraceView"));
  m_quantityCombo = new QComboBox(this);
  m_quantityCombo->setObjectName(QStringLiteral("traceQuantityCombo"));
  // Names shortened in a narrow dock rather than a row wider than a 1024 px window.
  m_quantityCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_quantityCombo->setMinimumContentsLength(7);
  for (Quantity q : kPlottable)
    m_quantityCombo->addItem(QString(), int(q));
  m_quantity = m_sessionQuantity = session->selectedQuantity();
  m_quantityCombo->setCurrentIndex(m_quantityCombo->findData(int(m_quantity)));
  m_addSpin = new QSpinBox(this);
  m_addSpin->setObjectName(QStringLiteral("addUnitSpin"));
  m_addButton = new QPushButton(this);
  m_addButton->setObjectName(QStringLiteral("addUnitButton"));
  m_removeButton = new QPushButton(this);
  m_removeButton->setObjectName(QStringLiteral("removeUnitButton"));
  m_window = new StepWindow(this, [session] { return session->steps(); });
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("unitTracePlot"));
  m_plot->setMinimumSize(160, 120); // fits a 1024 × 700 window

  // Two rows: one would be wider than this dock gets in a 1024 px window.
  auto *quantityRow = new QHBoxLayout;
  quantityRow->addWidget(m_quantityCombo);
  quantityRow->addStretch(1);
  quantityRow->addWidget(m_window->followButton());
  auto *unitRow = new QHBoxLayout;
  unitRow->addWidget(m_addSpin);
  unitRow->addWidget(m_addButton);
  unitRow->addWidget(m_removeButton);
  unitRow->addStretch(1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(quantityRow);
  layout->addLayout(unitRow);
  layout->addWidget(m_plot, 1);

  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectLegend);
  m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
  m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
  QSharedPointer<QCPAxisTickerFixed> integerTicks(new StepAxisTicker); // steps counted from 1
  integerTicks->setTickStep(1.0);
  integerTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  m_plot->xAxis->setTicker(integerTicks);
  m_plot->legend->setVisible(true);
  m_plot->legend->setSelectableParts(QCPLegend::spItems);
  QFont legendFont = font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
  m_plot->legend->setFont(legendFont);
  m_plot->legend->setSelectedFont(legendFont);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  m_window->addAxis(m_plot->xAxis);

  m_refresher = new RefreshCoalescer(this, [this] { refresh(); });
  retranslateUi();
  connect(m_window, &StepWindow::moved, m_refresher, [this] { m_refresher->request(); });
  connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) { m_pressPos = e->position().toPoint(); });
  connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *e) { onMouseRelease(e); });
  connect(m_quantityCombo, &QComboBox::currentIndexChanged, this, [this] {
    m_quantity = Quantity(m_quantityCombo->currentData().toInt());
    m_refresher->request();
  });
  connect(m_addButton, &QPushButton::clicked, this, [this] { m_session->addTracedUnit(m_addSpin->value()); });
  connect(m_removeButton, &QPushButton::clicked, this, [this] { removeUnit(); });
  connect(session, &ExplorerSession::modelChanged, this, [this] {
    m_window->setFollowing(true);
    m_refresher->request();
  });
  for (auto signal : {&ExplorerSession::traceChanged, &ExplorerSession::selectionChanged,
                      &ExplorerSession::interventionsChanged})
    connect(session, signal, m_refresher, [this] { requestRefresh(); });
  connect(session, &ExplorerSession::cursorChanged, m_refresher, [this] { requestRefresh(); });
  m_refresher->request();
}

UnitTraceView::~UnitTraceView() = default;

void UnitTraceView::requestRefresh() {
  // A hidden view (closed or tabbed-away dock) does no work; showEvent catches up.
  if (isVisible())
    m_refresher->request();
}

long long UnitTraceView::refreshCount() const { return m_refresher->refreshCount(); }
int UnitTraceView::graphCount() const { return m_plot->graphCount(); }
bool UnitTraceView::following() const { return m_window->following(); }

void UnitTraceView::refreshNow() {
  m_refresher->runNow();
  m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

bool UnitTraceView::exportImage(const QString &path, QString *error) {
  refreshNow();
  return savePlot(m_plot, path, error);
}

void UnitTraceView::refresh() {
  const bool hasModel = m_session->hasModel();
  const bool empty = !hasModel || m_session->steps() == 0;
  m_addSpin->setRange(0, std::max(m_session->units() - 1, 0));
  if (m_session->selectedUnit() != m_shownSelection) {
    // Follows the unit selected elsewhere once; a number typed here stays until the selection changes again.
    m_shownSelection = m_session->selectedUnit();
    m_addSpin->setValue(m_shownSelection);
  }
  m_addButton->setEnabled(hasModel);
  m_removeButton->setEnabled(hasModel && !m_session->tracedUnits().empty());
  if (m_session->selectedQuantity() != m_sessionQuantity) {
    // The session's choice (from another view) wins once; the combo keeps any later local choice.
    m_sessionQuantity = m_session->selectedQuantity();
    m_quantityCombo->setCurrentIndex(m_quantityCombo->findData(int(m_sessionQuantity)));
    m_quantity = m_sessionQuantity;
  }
  syncGraphs();
  m_window->update(m_session->cursor());
  loadGraphs(empty ? -1 : std::clamp(m_session->selectedLayer(), 0, m_session->layers() - 1));
  m_plot->yAxis->setLabel(quantityName(m_quantity));
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void UnitTraceView::syncGraphs() {
  QList<int> wanted;
  if (m_session->hasModel())
    for (int unit : m_session->tracedUnits())
      if (unit >= 0 && unit < m_session->units())
        wanted.append(unit);
  if (wanted == m_graphUnits)
    return;
  m_plot->deselectAll(); // a selected legend entry must not move to another unit
  while (int(m_graphs.size()) > wanted.size()) {
    m_plot->removeGraph(m_graphs.back());
    m_graphs.pop_back();
  }
  while (int(m_graphs.size()) < wanted.size())
    m_graphs.push_back(m_plot->addGraph());
  for (int i = 0; i < wanted.size(); ++i) {
    QCPGraph *graph = m_graphs[std::size_t(i)];
    graph->setName(tr("unit %1").arg(wanted[i]));
    graph->setPen(QPen(unitColor(wanted[i]), 1.5));
    graph->setSelectable(QCP::stNone);
  }
  m_graphUnits = wanted;
}

void UnitTraceView::loadGraphs(int layer) {
  int first = 0, last = -1;
  double maxAbs = 1.0;
  if (layer < 0 || !m_window->visibleSteps(first, last)) {
    for (QCPGraph *graph : m_graphs)
      graph->data()->clear();
  } else {
    // At most two points (a bucket's minimum and maximum, in the order they occur) per pixel column.
    const Buckets buckets = Buckets::cover(first, last, std::max(m_plot->axisRect()->width(), 50));
    const int stride = buckets.stride;
    const Trace &trace = m_session->trace();
    const float *values = trace.quantity(layer, m_quantity).data();
    const std::size_t units = std::size_t(trace.units());
    for (std::size_t g = 0; g < m_graphs.size(); ++g) {
      const float *column = values + m_graphUnits[int(g)];
      QSharedPointer<QCPGraphDataContainer> points = m_graphs[g]->data();
      points->clear(); // keeps its capacity: no allocation once the window size is steady
      for (int b = 0; b < buckets.count; ++b) {
        const int begin = buckets.indexAt(b);
        const int from = std::max(begin, first), to = std::min(begin + stride - 1, last);
        int low = from, high = from;
        for (int s = from + 1; s <= to; ++s) {
          if (column[std::size_t(s) * units] < column[std::size_t(low) * units])
            low = s;
          if (column[std::size_t(s) * units] > column[std::size_t(high) * units])
            high = s;
        }
        const double key = stride == 1 ? double(from) : begin + 0.5 * (stride - 1);
        for (int s : {std::min(low, high), std::max(low, high)}) {
          const double value = column[std::size_t(s) * units];
          maxAbs = std::max(maxAbs, std::abs(value));
          points->add(QCPGraphData(key, value));
          if (low == high)
            break;
        }
      }
    }
  }
  if (quantityIsGate(m_quantity))
    m_plot->yAxis->setRange(-0.05, 1.05);
  else if (m_quantity == Quantity::CandidateGate || m_quantity == Quantity::Hidden)
    m_plot->yAxis->setRange(-1.1, 1.1);
  else
    m_plot->yAxis->setRange(-1.1 * maxAbs, 1.1 * maxAbs);
}

int UnitTraceView::loadedPoints(int unit) const {
  const int index = m_graphUnits.indexOf(unit);
  return index < 0 ? 0 : m_graphs[std::size_t(index)]->data()->size();
}

double UnitTraceView::shownValue(int unit, int step) const {
  const int index = m_graphUnits.indexOf(unit);
  if (index >= 0) {
    const QSharedPointer<QCPGraphDataContainer> points = m_graphs[std::size_t(index)]->data();
    const auto it = std::lower_bound(points->constBegin(), points->constEnd(), double(step),
                                     [](const QCPGraphData &point, double key) { return point.key < key; });
    if (it != points->constEnd() && it->key == step)
      return it->value;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

QRect UnitTraceView::stepRect(int step) const {
  const QRect area = m_plot->axisRect()->rect();
  const QPoint point(int(std::lround(m_plot->xAxis->coordToPixel(step))), area.center().y());
  if (!area.contains(point))
    return {};
  return QRect(m_plot->mapTo(this, point) - QPoint(1, 1), QSize(3, 3));
}

void UnitTraceView::onMouseRelease(QMouseEvent *event) {
  // A press and release at the same place is a click; a longer way was a drag that panned.
  const QPoint position = event->position().toPoint();
  if (event->button() != Qt::LeftButton || (position - m_pressPos).manhattanLength() > 3 ||
      !m_plot->axisRect()->rect().contains(position) ||
      (m_plot->legend->visible() && m_plot->legend->outerRect().contains(position)) || m_session->steps() == 0)
    return;
  m_session->setCursor(int(std::lround(m_plot->xAxis->pixelToCoord(position.x()))));
}

void UnitTraceView::removeUnit() {
  if (m_graphUnits.isEmpty())
    return;
  int unit = m_graphUnits.back();
  for (QCPAbstractLegendItem *item : m_plot->legend->selectedItems())
    if (auto *entry = qobject_cast<QCPPlottableLegendItem *>(item)) {
      const auto it = std::find(m_graphs.begin(), m_graphs.end(), entry->plottable());
      if (it != m_graphs.end())
        unit = m_graphUnits[int(it - m_graphs.begin())];
    }
  m_session->removeTracedUnit(unit);
}

void UnitTraceView::retranslateUi() {
  for (int i = 0; i < m_quantityCombo->count(); ++i)
    m_quantityCombo->setItemText(i, quantityName(Quantity(m_quantityCombo->itemData(i).toInt())));
  m_addSpin->setPrefix(tr("unit "));
  m_addButton->setText(tr("Add unit"));
  m_removeButton->setText(tr("Remove"));
  m_removeButton->setToolTip(tr("Remove the unit selected in the legend, or the last one"));
  m_plot->xAxis->setLabel(tr("step"));
}

void UnitTraceView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    m_graphUnits.clear(); // the legend names the units: syncGraphs renames them on the refresh
    m_refresher->request();
  }
  QWidget::changeEvent(event);
}

void UnitTraceView::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  m_refresher->request();
}

void UnitTraceView::resizeEvent(QResizeEvent *event) {
  QWidget::resizeEvent(event);
  m_refresher->request(); // another number of pixel columns
}

} // namespace lstm
