#include "cell_diagram_view.h"

#include "common/display_style.h"
#include "common/quantity_style.h"
#include "common/refresh_coalescer.h"
#include "explorer_session.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {

// The diagram is laid out in this logical frame and scaled uniformly to the widget.
constexpr double kFrameWidth = 1000.0, kFrameHeight = 560.0;
constexpr double kBeltY = 120.0, kBusY = 480.0, kGateY = 340.0, kProductY = 230.0;
constexpr double kForgetX = 330.0, kInputX = 470.0, kCandidateX = 610.0, kOutputX = 760.0;
constexpr double kPlusX = 540.0, kTanhX = 870.0, kOutProductY = 270.0, kInputEntryX = 200.0;
constexpr double kNodeRadius = 17.0;
const QColor kOutline(90, 90, 90), kMark(230, 110, 0), kNeutral(150, 150, 150);

QString number(double value) { return QString::number(value, 'f', 3); }

// Presentation enlarges the frame's fonts less than the window's: the whole frame already scales with the widget,
// and the labels have fixed places in it.
constexpr double kMaxFontScale = 1.15;

// Frame line width: thicker in presentation.
double line(double base) { return displayStyle().lineWidth(base); }

// While presenting, every label (numbers included) is at least this tall on screen, whatever the frame's scale.
constexpr double kPresentationMinPixels = 18.0;
constexpr double kSmallestFramePixels = 15.0; // the smallest label font of the frame (pre-activations, notes)

// `pixels` in the frame, drawn at `frameScale`. `fixed`: a label that fills its box already (the gate symbols)
// keeps its size.
QFont frameFont(const QFont &base, double pixels, double frameScale, bool bold = false, bool fixed = false) {
  QFont font = base;
  double size = pixels * (fixed ? 1.0 : std::min(displayStyle().fontScale(), kMaxFontScale));
  if (!fixed && displayStyle().presentation() && frameScale > 0)
    size = std::max(size, kPresentationMinPixels / frameScale);
  font.setPixelSize(int(std::ceil(size)));
  font.setBold(bold);
  return font;
}

// A flow: a polyline as wide as |value| on the quantity's scale, in its colour, with a grey rim so pale colours
// stay visible on white.
void drawFlow(QPainter &p, const QList<QPointF> &points, Quantity q, double value) {
  const QuantityRange range = naturalRange(q);
  const double scale = std::max(std::abs(range.low), std::abs(range.high));
  const double width = line(2.0) + 9.0 * std::sqrt(line(1.0)) * std::min(1.0, std::abs(value) / scale);
  QPainterPath path(points.front());
  for (qsizetype k = 1; k < points.size(); ++k)
    path.lineTo(points[k]);
  p.setBrush(Qt::NoBrush);
  p.setPen(QPen(kOutline, width + line(2.0), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
  p.drawPath(path);
  p.setPen(QPen(quantityColor(q, value), width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
  p.drawPath(path);
}

void drawPlainFlow(QPainter &p, const QList<QPointF> &points) {
  QPainterPath path(points.front());
  for (qsizetype k = 1; k < points.size(); ++k)
    path.lineTo(points[k]);
  p.setBrush(Qt::NoBrush);
  p.setPen(QPen(kNeutral, line(3.0), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
  p.drawPath(path);
}

// ⊙ (product) or + (sum) node.
void drawNode(QPainter &p, QPointF centre, bool sum, bool marked) {
  p.setPen(QPen(marked ? kMark : QColor(Qt::black), line(marked ? 3.0 : 2.0), marked ? Qt::DashLine : Qt::SolidLine));
  p.setBrush(Qt::white);
  p.drawEllipse(centre, kNodeRadius, kNodeRadius);
  p.setPen(QPen(Qt::black, line(2.5)));
  if (sum) {
    p.drawLine(centre + QPointF(-9, 0), centre + QPointF(9, 0));
    p.drawLine(centre + QPointF(0, -9), centre + QPointF(0, 9));
  } else {
    p.setBrush(Qt::black);
    p.drawEllipse(centre, 4.0, 4.0);
  }
}

void drawTag(QPainter &p, QPointF topLeft, const QString &text, const QFont &font) {
  p.setFont(font);
  const QRectF box = QFontMetricsF(font).boundingRect(text).adjusted(-6, -3, 6, 3);
  const QRectF placed(topLeft, box.size());
  p.setPen(Qt::NoPen);
  p.setBrush(kMark);
  p.drawRoundedRect(placed, 5, 5);
  p.setPen(Qt::white);
  p.drawText(placed, Qt::AlignCenter, text);
}

void drawLabel(QPainter &p, QRectF rect, int flags, const QString &text, const QFont &font,
               const QColor &color = QColor(Qt::black)) {
  p.setFont(font);
  p.setPen(color);
  p.drawText(rect, flags, text);
}

} // namespace

CellDiagramView::CellDiagramView(ExplorerSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_coalescer(new RefreshCoalescer(this, [this] { refresh(); })) {
  setObjectName(QStringLiteral("cellDiagramView"));
  setAutoFillBackground(false);
  session->onFocusChanged(this, [this] { m_coalescer->request(); });
  connect(&displayStyle(), &DisplayStyle::changed, this, [this] { update(); });
  m_coalescer->runNow();
}

double CellDiagramView::frameScale() const { return std::min(width() / kFrameWidth, height() / kFrameHeight); }

double CellDiagramView::smallestNumberPixels() const {
  return frameFont(font(), kSmallestFramePixels, frameScale()).pixelSize() * frameScale();
}

void CellDiagramView::changeEvent(QEvent *event) {
  // Labels are translated as they are painted, but xₜ's description is worded when the values are computed:
  // compute them again, or xₜ keeps the old language (in exported figures too).
  if (event->type() == QEvent::LanguageChange)
    m_coalescer->request();
  QWidget::changeEvent(event);
}

CellDiagramView::~CellDiagramView() = default;

long long CellDiagramView::refreshCount() const { return m_coalescer->refreshCount(); }

void CellDiagramView::refreshNow() { m_coalescer->runNow(); }

void CellDiagramView::refresh() {
  m_values = computeSelectedStepValues(*m_session);
  update();
}

void CellDiagramView::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), Qt::white);
  p.setRenderHint(QPainter::Antialiasing);
  const double scale = frameScale();
  p.translate((width() - kFrameWidth * scale) / 2.0, (height() - kFrameHeight * scale) / 2.0);
  p.scale(scale, scale);
  const QFont base = font();
  const QFont titleFont = frameFont(base, 22, scale, true), labelFont = frameFont(base, 19, scale, true);
  const QFont valueFont = frameFont(base, 18, scale), smallFont = frameFont(base, kSmallestFramePixels, scale);
  const QFont symbolFont = frameFont(base, 26, scale, true, true);
  const StepValues &v = m_values;
  if (!v.valid) {
    drawLabel(p, QRectF(0, 0, kFrameWidth, kFrameHeight), Qt::AlignCenter | Qt::TextWordWrap,
              tr("Step through the text to see the cell of the selected unit here."), titleFont, QColor(110, 110, 110));
    return;
  }
  const double i = v.gateValue(Gate::Input), f = v.gateValue(Gate::Forget);
  const double g = v.gateValue(Gate::Cell), o = v.gateValue(Gate::Output);
  const QString reading = v.tokenLabel.isEmpty() ? v.inputDescription : QStringLiteral("'%1'").arg(v.tokenLabel);
  drawLabel(p, QRectF(20, 8, 960, 34), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Layer %1, unit %2, step %3, reading %4").arg(v.layer).arg(v.unit).arg(v.step + 1).arg(reading), titleFont);

  // Conveyor belt: c_{t−1} → ⊙ f → + → c_t.
  drawFlow(p, {{110, kBeltY}, {kForgetX - kNodeRadius, kBeltY}}, Quantity::Cell, v.cellPrev);
  drawFlow(p, {{kForgetX + kNodeRadius, kBeltY}, {kPlusX - kNodeRadius, kBeltY}}, Quantity::Cell, v.forgetTerm);
  drawFlow(p, {{kPlusX + kNodeRadius, kBeltY}, {900, kBeltY}}, Quantity::Cell, v.cell);
  // tanh(c_t) branch down to the output product, then h_t out.
  drawFlow(p, {{kTanhX, kBeltY}, {kTanhX, 168}}, Quantity::Cell, v.cell);
  drawFlow(p, {{kTanhX, 196}, {kTanhX, kOutProductY - kNodeRadius}}, Quantity::Hidden, v.tanhCell);
  drawFlow(p, {{kTanhX + kNodeRadius, kOutProductY}, {900, kOutProductY}}, Quantity::Hidden, v.hidden);

  // Bus: h_{t−1} from the left and x_t from below feed every gate.
  drawFlow(p, {{110, kBusY}, {kInputEntryX, kBusY}}, Quantity::Hidden, v.hiddenPrev);
  drawPlainFlow(p, {{kInputEntryX, 545}, {kInputEntryX, kBusY}});
  drawPlainFlow(p, {{kInputEntryX, kBusY}, {kOutputX, kBusY}});
  for (double x : {kForgetX, kInputX, kCandidateX, kOutputX})
    drawPlainFlow(p, {{x, kBusY}, {x, kGateY + 40}});

  // Gate outputs.
  drawFlow(p, {{kForgetX, kGateY - 40}, {kForgetX, kBeltY + kNodeRadius}}, Quantity::ForgetGate, f);
  drawFlow(p, {{kInputX, kGateY - 40}, {kInputX, kProductY}, {kPlusX - kNodeRadius, kProductY}}, Quantity::InputGate, i);
  drawFlow(p, {{kCandidateX, kGateY - 40}, {kCandidateX, kProductY}, {kPlusX + kNodeRadius, kProductY}},
           Quantity::CandidateGate, g);
  drawFlow(p, {{kPlusX, kProductY - kNodeRadius}, {kPlusX, kBeltY + kNodeRadius}}, Quantity::Cell, v.inputTerm);
  drawFlow(p, {{kOutputX, kGateY - 40}, {kOutputX, kOutProductY}, {kTanhX - kNodeRadius, kOutProductY}},
           Quantity::OutputGate, o);

  // Gate boxes: symbol, name, value, pre-activation; a clamp is outlined dashed and tagged.
  const struct {
    Gate gate;
    double x;
    const char *symbol;
  } boxes[] = {{Gate::Forget, kForgetX, "σ"}, {Gate::Input, kInputX, "σ"}, {Gate::Cell, kCandidateX, "tanh"},
               {Gate::Output, kOutputX, "σ"}};
  for (const auto &box : boxes) {
    const auto k = std::size_t(box.gate);
    const QRectF rect(box.x - 58, kGateY - 40, 116, 80);
    const QColor fill = quantityColor(Quantity(int(box.gate)), v.gate[k]);
    p.setPen(QPen(Qt::black, line(2.0)));
    p.setBrush(fill);
    p.drawRoundedRect(rect, 8, 8);
    const QColor ink = inkOn(fill);
    const QString name = QChar::fromLatin1(gateLetter(box.gate));
    drawLabel(p, rect.adjusted(6, 2, -6, -44), Qt::AlignCenter,
              QString::fromUtf8(box.symbol) + QStringLiteral("  ") + name, symbolFont, ink);
    drawLabel(p, rect.adjusted(4, 34, -4, -2), Qt::AlignCenter, number(v.gate[k]), valueFont, ink);
    // The bus line runs behind the pre-activation: a white plate keeps it readable.
    const QString pre = tr("a = %1", "pre-activation of a gate").arg(number(v.recordedPreActivation[k]));
    const double preWidth = QFontMetricsF(smallFont).horizontalAdvance(pre) + 8.0;
    const QRectF preRect(box.x - preWidth / 2.0, kGateY + 43, preWidth, 21);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawRect(preRect);
    drawLabel(p, preRect, Qt::AlignCenter, pre, smallFont, QColor(70, 70, 70));
    if (v.gateClamped[k]) {
      p.setPen(QPen(kMark, line(4.0), Qt::DashLine));
      p.setBrush(Qt::NoBrush);
      p.drawRoundedRect(rect.adjusted(-6, -6, 6, 6), 10, 10);
      drawTag(p, QPointF(box.x - 58, kGateY + 68),
              tr("clamped %1 (was %2)").arg(QString::number(v.gate[k], 'g', 4), number(v.activation[k])), smallFont);
    }
  }

  // Nodes and the values they produce.
  drawNode(p, {kForgetX, kBeltY}, false, false);
  drawNode(p, {kPlusX, kProductY}, false, false);
  drawNode(p, {kPlusX, kBeltY}, true, v.cellChanged);
  drawNode(p, {kTanhX, kOutProductY}, false, v.hiddenChanged);
  p.setPen(QPen(Qt::black, line(2.0)));
  p.setBrush(Qt::white);
  p.drawRoundedRect(QRectF(kTanhX - 32, 168, 64, 28), 12, 12);
  drawLabel(p, QRectF(kTanhX - 32, 168, 64, 28), Qt::AlignCenter, tr("tanh"), smallFont);

  const QColor valueInk(30, 30, 30);
  drawLabel(p, QRectF(kForgetX - 110, kBeltY - 50, 220, 24), Qt::AlignCenter,
            tr("f·c = %1", "forget term").arg(number(v.forgetTerm)), valueFont, valueInk);
  drawLabel(p, QRectF(kPlusX + 24, kProductY - 30, 160, 24), Qt::AlignLeft | Qt::AlignVCenter,
            tr("i·g = %1", "input term").arg(number(v.inputTerm)), valueFont, valueInk);
  drawLabel(p, QRectF(kPlusX - 110, kBeltY - 50, 220, 24), Qt::AlignCenter,
            tr("c = %1", "new cell state").arg(number(v.cellComputed)), valueFont, valueInk);
  drawLabel(p, QRectF(kTanhX + 38, 168, 130, 28), Qt::AlignLeft | Qt::AlignVCenter, number(v.tanhCell), valueFont,
            valueInk);

  // Inputs on the left, outputs on the right.
  drawLabel(p, QRectF(6, kBeltY - 30, 104, 60), Qt::AlignCenter, tr("cₜ₋₁\n%1").arg(number(v.cellPrev)),
            labelFont);
  drawLabel(p, QRectF(6, kBusY - 30, 104, 60), Qt::AlignCenter, tr("hₜ₋₁\n%1").arg(number(v.hiddenPrev)),
            labelFont);
  drawLabel(p, QRectF(kInputEntryX + 12, 512, 700, 40), Qt::AlignLeft | Qt::AlignVCenter,
            tr("xₜ = %1").arg(v.inputDescription), labelFont);
  drawLabel(p, QRectF(902, kBeltY - 30, 98, 60), Qt::AlignCenter, tr("cₜ\n%1").arg(number(v.cell)), labelFont);
  drawLabel(p, QRectF(902, kOutProductY - 30, 98, 60), Qt::AlignCenter, tr("hₜ\n%1").arg(number(v.hidden)),
            labelFont);

  // Interventions on the cell or the hidden state, tagged next to where they act.
  double tagY = kBeltY + 26;
  for (const Intervention &iv : v.interventions) {
    if (iv.kind == InterventionKind::ClampGate)
      continue;
    const bool onHidden = iv.kind == InterventionKind::ZeroHidden;
    drawTag(p, onHidden ? QPointF(kTanhX - 40, kOutProductY + 26) : QPointF(kPlusX + 26, tagY),
            describeIntervention(iv), smallFont);
    if (!onHidden)
      tagY += 28;
  }
}

} // namespace lstm
