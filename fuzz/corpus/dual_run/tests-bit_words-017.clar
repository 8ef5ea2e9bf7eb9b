(bit-shift-right -256 u264)
