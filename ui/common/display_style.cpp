#include "display_style.h"

#include "qcustomplot_include.h"

#include <QHash>
#include <QMetaProperty>
#include <QPointer>
#include <QSet>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <vector>

namespace lstm {

DisplayStyle::DisplayStyle(QObject *parent) : QObject(parent) {}

void DisplayStyle::setPresentation(bool on) {
  if (on == m_presentation)
    return;
  m_presentation = on;
  Q_EMIT changed();
}

void DisplayStyle::setPresentationFontScale(double scale) {
  scale = std::clamp(scale, 1.0, 4.0);
  if (scale == m_fontScale)
    return;
  m_fontScale = scale;
  if (m_presentation)
    Q_EMIT changed();
}

void DisplayStyle::setHighContrast(bool on) {
  if (on == m_highContrast)
    return;
  m_highContrast = on;
  Q_EMIT changed();
}

DisplayStyle &displayStyle() {
  static DisplayStyle *style = new DisplayStyle; // never destroyed: views may read it while the app shuts down
  return *style;
}

namespace {
double channelLuminance(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double relativeLuminance(const QColor &c) {
  return 0.2126 * channelLuminance(c.redF()) + 0.7152 * channelLuminance(c.greenF()) +
         0.0722 * channelLuminance(c.blueF());
}
} // namespace

double contrastRatio(const QColor &a, const QColor &b) {
  const double la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor inkOn(const QColor &background) {
  const QColor black(Qt::black), white(Qt::white);
  return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}

// ---- plot styling

namespace {

const QString kMemoName = QStringLiteral("lstmPlotStyleMemo");
// The properties applyPlotStyle scales, wherever a QCustomPlot object has them (QCPAxis, QCPLegend and its items,
// QCPTextElement, QCPColorScale, plottables, items).
const char *const kScaledProperties[] = {"font", "labelFont", "tickLabelFont", "pen",
                                         "basePen", "tickPen", "subTickPen", "barWidth"};

// What applyPlotStyle changed on one plot: a child of the plot, found by name, so it dies with the plot.
class PlotStyleMemo : public QObject {
public:
  struct Entry {
    QPointer<QObject> object;
    int property = -1;
    QVariant original, applied;
  };
  using QObject::QObject;
  std::vector<Entry> entries;
  QHash<QPair<const QObject *, int>, std::size_t> index; // (object, property) → entries
  QFont plotFont;
  bool hadOwnFont = false;

  void purge() { // drops entries of deleted objects (views recreate graphs and items)
    std::erase_if(entries, [](const Entry &e) { return e.object.isNull(); });
    index.clear();
    for (std::size_t k = 0; k < entries.size(); ++k)
      index.insert({entries[k].object.data(), entries[k].property}, k);
  }
};

PlotStyleMemo *memoOf(const QCustomPlot *plot) {
  for (QObject *child : plot->children())
    if (child->objectName() == kMemoName)
      return dynamic_cast<PlotStyleMemo *>(child);
  return nullptr;
}

QVariant scaled(const QVariant &value, double fontScale, double lineScale) {
  if (value.typeId() == QMetaType::QFont && fontScale != 1.0) {
    QFont font = value.value<QFont>();
    if (font.pointSizeF() > 0)
      font.setPointSizeF(font.pointSizeF() * fontScale);
    else if (font.pixelSize() > 0)
      font.setPixelSize(int(std::lround(font.pixelSize() * fontScale)));
    return font;
  }
  if (value.typeId() == QMetaType::QPen && lineScale != 1.0) {
    QPen pen = value.value<QPen>();
    if (pen.style() != Qt::NoPen)
      pen.setWidthF(std::max(1.0, pen.widthF()) * lineScale); // width 0 is a cosmetic 1-pixel line
    return pen;
  }
  if (value.typeId() == QMetaType::Int && lineScale != 1.0)
    return int(std::lround(value.toInt() * lineScale));
  return value;
}

QList<QObject *> styledObjects(QCustomPlot *plot) {
  QList<QObject *> objects;
  QSet<QObject *> seen;
  const auto add = [&](QObject *object) {
    if (object && !seen.contains(object)) {
      seen.insert(object);
      objects.push_back(object);
    }
  };
  for (QCPAxisRect *rect : plot->axisRects())
    for (QCPAxis *axis : rect->axes())
      add(axis);
  QList<QCPLayoutElement *> elements = plot->plotLayout()->elements(true);
  if (plot->legend) {
    elements.push_back(plot->legend);
    elements += plot->legend->elements(true);
  }
  for (QCPLayoutElement *element : elements) {
    // Not the legend's own font: QCPLegend::setFont overwrites every item's. Items are styled one by one, and
    // new ones start from the legend's unscaled font.
    if (!qobject_cast<QCPLegend *>(element))
      add(element);
    if (auto *scale = qobject_cast<QCPColorScale *>(element))
      add(scale->axis());
  }
  for (int k = 0; k < plot->plottableCount(); ++k)
    add(plot->plottable(k));
  for (int k = 0; k < plot->itemCount(); ++k)
    add(plot->item(k));
  return objects;
}

} // namespace

void applyPlotStyle(QCustomPlot *plot) {
  if (!plot)
    return;
  PlotStyleMemo *memo = memoOf(plot);
  if (!memo) {
    memo = new PlotStyleMemo(plot);
    memo->setObjectName(kMemoName);
    // Pin the widget's font: axes and items created from now on start from it, not from a scaled window font.
    memo->hadOwnFont = plot->testAttribute(Qt::WA_SetFont);
    memo->plotFont = plot->font();
    QFont pinned = plot->font();
    pinned.setResolveMask(QFont::AllPropertiesResolved);
    plot->setFont(pinned);
  }
  memo->purge();
  const double fontScale = displayStyle().fontScale(), lineScale = displayStyle().lineWidth(1.0);
  for (QObject *object : styledObjects(plot)) {
    const QMetaObject *meta = object->metaObject();
    for (const char *name : kScaledProperties) {
      const int property = meta->indexOfProperty(name);
      if (property < 0)
        continue;
      const QMetaProperty metaProperty = meta->property(property);
      const QVariant current = metaProperty.read(object);
      const auto found = memo->index.constFind({object, property});
      if (found == memo->index.constEnd()) {
        memo->index.insert({object, property}, memo->entries.size());
        memo->entries.push_back({object, property, current, current});
      } else if (current != memo->entries[*found].applied) {
        memo->entries[*found].original = current; // the view set a new value since: that is the original now
      }
      PlotStyleMemo::Entry &entry = memo->entries[memo->index.value({object, property})];
      entry.applied = scaled(entry.original, fontScale, lineScale);
      if (entry.applied != current)
        metaProperty.write(object, entry.applied);
    }
  }
}

void restorePlotStyle(QCustomPlot *plot) {
  PlotStyleMemo *memo = plot ? memoOf(plot) : nullptr;
  if (!memo)
    return;
  for (const PlotStyleMemo::Entry &entry : memo->entries) {
    if (entry.object.isNull())
      continue;
    const QMetaProperty property = entry.object->metaObject()->property(entry.property);
    if (property.read(entry.object) == entry.applied)
      property.write(entry.object, entry.original);
  }
  plot->setFont(memo->hadOwnFont ? memo->plotFont : QFont());
  delete memo;
}

bool plotStyleApplied(const QCustomPlot *plot) { return plot && memoOf(plot); }

} // namespace lstm
