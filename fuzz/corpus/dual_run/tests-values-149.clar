({wide_shown} {wide_shown})
