"""Layout line-break repair: where did the layout system or the PDF cut a paragraph?"""
