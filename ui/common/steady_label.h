#pragma once
// A word-wrapped label that always keeps the room its longest expected text needs at its current width, so a text
// that changes many times a second (a running training's numbers, a line more or less) never moves the widgets
// below it — nor a scroll area's content under the user's eyes. GUI thread only.
#include <QLabel>
#include <QStringList>

namespace lstm {

class SteadyLabel : public QLabel {
  Q_OBJECT
public:
  explicit SteadyLabel(QWidget *parent = nullptr);

  // Texts (plain, with their line breaks) whose wrapped height the label keeps at any width: the widest forms its
  // text takes, e.g. its template filled with the largest numbers.
  void setReservedTexts(const QStringList &texts);

  int heightForWidth(int width) const override;
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

private:
  int reservedHeight(int width) const;

  QStringList m_reserved;
};

} // namespace lstm
